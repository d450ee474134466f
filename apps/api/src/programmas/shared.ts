import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id } from '../core/validation';

export class ProgrammaParams extends createZodDto(z.strictObject({ programmaId: id })) {}
