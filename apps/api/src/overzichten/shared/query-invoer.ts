import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { DEADLINE_STATUSSEN, type DeadlineStatus } from '@afspraken/domain';
import { datum, id } from '@afspraken/platform/validation';

/** `op schema`, `op-schema` and `op_schema` alike; several separated by commas. */
export const statussen = z.string().transform((s, ctx): DeadlineStatus[] => {
  const gevraagd = s.split(',').map((x) => x.trim().toLowerCase().replace(/[-_]/g, ' ')).filter(Boolean);
  const onbekend = gevraagd.filter((x) => !(DEADLINE_STATUSSEN as readonly string[]).includes(x));
  if (!gevraagd.length || onbekend.length) {
    ctx.addIssue({ code: 'custom', message: `${onbekend.length ? `onbekend: ${onbekend.join(', ')}; ` : ''}kies uit ${DEADLINE_STATUSSEN.join(', ')}` });
    return z.NEVER;
  }
  return gevraagd as DeadlineStatus[];
});

export const kwartaal = z.string().regex(/^\d{4}-Q[1-4]$/, 'moet een kwartaal zijn, bijvoorbeeld 2023-Q2');

/** What every overview accepts: the moment to judge at, read-your-writes and pagination. */
export const overzichtInvoer = {
  peildatum: datum.optional(),
  naPositie: z.coerce.number({ message: 'moet een getal zijn' }).int('moet een geheel getal zijn').min(-1, 'moet -1 of hoger zijn').optional(),
};

export const paginering = {
  pagina: z.coerce.number({ message: 'moet een getal zijn' }).int('moet een geheel getal zijn').min(1, 'moet 1 of hoger zijn').default(1),
  perPagina: z.coerce.number({ message: 'moet een getal zijn' }).int('moet een geheel getal zijn').min(1, 'moet 1 of hoger zijn').max(200, 'mag hoogstens 200 zijn').default(50),
};

export { id };

/** `X-Na-Positie` works like `?naPositie=` for clients that prefer a header. */
export const naPositieUit = (query: number | undefined, header: string | undefined): number | undefined => {
  if (query !== undefined || header === undefined) return query;
  if (!/^-?\d{1,15}$/.test(header.trim())) {
    throw new BadRequestException({ code: 'ONGELDIGE_INVOER', message: 'X-Na-Positie: moet een geheel getal zijn', errors: [{ field: 'X-Na-Positie', message: 'moet een geheel getal zijn' }] });
  }
  return Number(header.trim());
};
