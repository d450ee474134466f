import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id } from '@afspraken/platform/validation';

export class ProgrammaParams extends createZodDto(z.strictObject({ programmaId: id })) {}
