import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { id } from '../core/validation';

export class PartijParams extends createZodDto(z.strictObject({ partijId: id })) {}
