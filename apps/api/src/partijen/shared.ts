import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id } from '@afspraken/platform/validation';

export class PartijParams extends createZodDto(z.strictObject({ partijId: id })) {}
