import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id } from '@afspraken/platform/validation';

export class AfspraakParams extends createZodDto(z.strictObject({ afspraakId: id })) {}
