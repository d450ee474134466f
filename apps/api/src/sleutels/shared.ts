import { ForbiddenException } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { KEY_ID, type ApiKeyRecord } from '@afspraken/platform';
import type { RequestActor } from '../auth/actor';

export class SleutelParams extends createZodDto(z.strictObject({ sleutelId: z.string().regex(KEY_ID, 'moet de id van een sleutel zijn: 12 kleine letters of cijfers') })) {}

/** What the API shows of a key: never the secret or its hash. */
export interface SleutelWeergave {
  readonly id: string;
  readonly naam: string;
  readonly rol: string;
  readonly partijId: string | null;
  readonly programmaId: string | null;
  readonly aangemaaktOp: string;
  readonly ingetrokkenOp: string | null;
}

export const sleutelWeergave = ({ id, naam, rol, partijId, programmaId, aangemaaktOp, ingetrokkenOp }: ApiKeyRecord): SleutelWeergave => ({
  id,
  naam,
  rol,
  partijId,
  programmaId,
  aangemaaktOp,
  ingetrokkenOp,
});

/** A coordinator limited to a programme manages only the keys of that programme. */
export const beheerbaar = (actor: RequestActor, sleutel: ApiKeyRecord): boolean => !actor.programmaId || sleutel.programmaId === actor.programmaId;

export const vereisBeheerbaar = (actor: RequestActor, sleutel: ApiKeyRecord): void => {
  if (!beheerbaar(actor, sleutel)) {
    throw new ForbiddenException({ code: 'ANDER_PROGRAMMA', message: `Sleutel ${sleutel.id} hoort niet bij programma ${actor.programmaId}` });
  }
};
