import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query as CqrsQuery, type IQueryHandler } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AFSPRAAK_VASTGELEGD, DEADLINE_VERSCHOVEN, LEVERING_GEACCEPTEERD, NotFoundError, programmaDecider, streams, type Leesbereik, type Programma, type ProgrammaEvent } from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';
import { EventStore } from '@afspraken/event-store';
import { afspraakGeschiedenis } from '@afspraken/audit';
import { programmaOverzicht, zoekAfspraken } from '@afspraken/read-models';
import { APP_CONFIG, Leesrecht, type AppConfig } from '@afspraken/platform';
import { datum as datumVeld } from '@afspraken/platform/validation';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../../programmas/shared';
import { Leesmodellen } from '../shared/leesmodellen';
import { agendaAlsMarkdown, type AgendaWijziging } from './agenda';

class AgendaQuery extends createZodDto(z.strictObject({ datum: datumVeld })) {}

const SOORTEN: Readonly<Record<string, AgendaWijziging['soort']>> = {
  [DEADLINE_VERSCHOVEN]: 'herplanning',
  [LEVERING_GEACCEPTEERD]: 'levering',
  [AFSPRAAK_VASTGELEGD]: 'nieuw',
};

export class BoAgendaQuery extends CqrsQuery<string> {
  constructor(
    readonly programmaId: string,
    readonly datum: string,
    readonly bereik: Leesbereik,
  ) {
    super();
  }
}

/** The agenda from the programme's meetings, the afspraken's events and the overview at the meeting's date. */
@QueryHandler(BoAgendaQuery)
export class BoAgendaHandler implements IQueryHandler<BoAgendaQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly store: EventStore,
    private readonly leesmodellen: Leesmodellen,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ programmaId, datum, bereik }: BoAgendaQuery): Promise<string> {
    const { state } = await this.executor.load<ProgrammaEvent, Programma>(programmaDecider, streams.programma(programmaId));
    if (state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    const vorige = [...state.bestuurlijkOverleggen].filter((d) => d < datum).sort().at(-1) ?? null;
    const { db, schema } = this.leesmodellen;
    const opties = this.leesmodellen.statusOpties(datum);
    const overzicht = await programmaOverzicht(db, schema, programmaId, opties, bereik);
    const afspraken = await zoekAfspraken(db, schema, { programmaId, bereik }, opties);
    const wijzigingen: AgendaWijziging[] = [];
    for (const afspraak of afspraken) {
      for (const regel of await afspraakGeschiedenis(this.store, afspraak.afspraakId)) {
        const soort = SOORTEN[regel.type];
        const dag = (regel.effectiefOp ?? regel.vastgelegdOp ?? '').slice(0, 10);
        if (soort && dag <= datum && (vorige === null || dag > vorige)) {
          wijzigingen.push({ afspraakId: afspraak.afspraakId, titel: afspraak.titel, soort, op: dag, samenvatting: regel.samenvatting });
        }
      }
    }
    wijzigingen.sort((a, b) => a.op.localeCompare(b.op) || a.afspraakId.localeCompare(b.afspraakId));
    return agendaAlsMarkdown({
      programmaId,
      naam: state.naam,
      datum,
      vorige,
      wijzigingen,
      verlopen: overzicht?.verlopen ?? [],
      binnenkort: (overzicht?.deadlinesPerKwartaal ?? []).flatMap((k) => k.mijlpalen).filter((m) => m.status === 'binnenkort'),
      publicUrl: this.config.PUBLIC_URL,
    });
  }
}

@ApiTags('overzichten')
@ApiBearerAuth()
@Controller('programmas')
export class BoAgendaController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly leesrecht: Leesrecht,
  ) {}

  @Get(':programmaId/bestuurlijk-overleg/agenda')
  @Rollen('coordinator', 'auditor')
  @ApiProduces('text/markdown')
  @ApiOperation({
    summary:
      'De agenda van het Bestuurlijk Overleg op ?datum= als Markdown: herplanningen, leveringen en nieuwe afspraken sinds het vorige overleg, en elke verlopen en binnenkort vervallende mijlpaal (niets weggelaten)',
  })
  async agenda(
    @Param() { programmaId }: ProgrammaParams,
    @Query() q: AgendaQuery,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    this.leesrecht.vereisProgramma(actor, programmaId);
    const markdown = await this.queryBus.execute(new BoAgendaQuery(programmaId, q.datum, this.leesrecht.bereik(actor)));
    response.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    response.setHeader('Content-Disposition', `inline; filename="agenda-bo-${programmaId}-${q.datum}.md"`);
    return markdown;
  }
}
