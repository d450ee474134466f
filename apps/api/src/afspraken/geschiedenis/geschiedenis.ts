import { Controller, Get, Headers, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { NotFoundError, beschrijf, decodeAfspraakEvent, streams } from '@afspraken/domain';
import { EventStore } from '@afspraken/event-store';
import type { EventMetadata } from '@afspraken/application';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { Leesrecht } from '../shared/leesrecht';
import { AfspraakParams } from '../shared/afspraak-params';

export interface HistorieRegel {
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly samenvatting: string;
  readonly actor: string | null;
  readonly rol: string | null;
  readonly partijId: string | null;
  readonly vastgelegdOp: string | null;
  readonly effectiefOp: string | null;
  readonly data: object;
  readonly metadata: object;
}

export class AfspraakGeschiedenisQuery extends Query<HistorieRegel[]> {
  constructor(readonly afspraakId: string) {
    super();
  }
}

@QueryHandler(AfspraakGeschiedenisQuery)
export class AfspraakGeschiedenisHandler implements IQueryHandler<AfspraakGeschiedenisQuery> {
  constructor(private readonly store: EventStore) {}

  async execute({ afspraakId }: AfspraakGeschiedenisQuery): Promise<HistorieRegel[]> {
    const events = await this.store.readStream(streams.afspraak(afspraakId));
    if (events.length === 0) throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    return events.map((e) => {
      const m = e.metadata as Partial<EventMetadata>;
      return {
        revision: e.revision,
        position: e.position,
        type: e.type,
        samenvatting: beschrijf(decodeAfspraakEvent(e)),
        actor: m.actor ?? null,
        rol: m.rol ?? null,
        partijId: m.partijId ?? null,
        vastgelegdOp: m.recordedAt ?? e.createdAt,
        effectiefOp: m.effectiveAt ?? m.recordedAt ?? null,
        data: e.data,
        metadata: e.metadata,
      };
    });
  }
}

export const HISTORIE_FORMATEN = ['json', 'csv'] as const;
export type HistorieFormaat = (typeof HISTORIE_FORMATEN)[number];

const CSV_KOLOMMEN = ['revisie', 'positie', 'type', 'samenvatting', 'actor', 'rol', 'partijId', 'vastgelegdOp', 'effectiefOp', 'data', 'previousHash', 'hash'];

/**
 * The history as CSV (RFC 4180 quoting by csv-stringify, also for a lone line break); raw data as JSON in one cell. A cell
 * that starts like a formula is prefixed so a spreadsheet shows it instead of running it.
 */
export const historieAlsCsv = (regels: readonly HistorieRegel[]): string =>
  stringify(
    regels.map((r) => {
      const m = r.metadata as Partial<EventMetadata>;
      return [r.revision, r.position, r.type, r.samenvatting, r.actor, r.rol, r.partijId, r.vastgelegdOp, r.effectiefOp, JSON.stringify(r.data), m.previousHash ?? null, m.hash ?? null];
    }),
    { header: true, columns: CSV_KOLOMMEN, escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/, bom: false },
  );

class HistorieQuery extends createZodDto(z.strictObject({ formaat: z.enum(HISTORIE_FORMATEN, { message: 'moet json of csv zijn' }).optional() })) {}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class AfspraakGeschiedenisController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get(':afspraakId/geschiedenis')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Elk event van de afspraak: wie, wat (leesbaar en ruw), wanneer vastgelegd en wanneer effectief; ?formaat=csv of Accept: text/csv voor CSV',
  })
  async geschiedenis(
    @Param() { afspraakId }: AfspraakParams,
    @QueryParams() { formaat }: HistorieQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
    @HuidigeActor() actor: RequestActor,
  ): Promise<HistorieRegel[] | string> {
    await this.leesrecht.afspraak(actor, afspraakId);
    const regels = await this.queryBus.execute(new AfspraakGeschiedenisQuery(afspraakId));
    const csv = formaat === 'csv' || (formaat === undefined && /\btext\/csv\b/i.test(accept ?? ''));
    if (!csv) return regels;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="geschiedenis-${afspraakId}.csv"`);
    return historieAlsCsv(regels);
  }
}
