import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, vereisLeesrechtProgramma, programmaDecider, streams, type Bijdrage, type Programma, type ProgrammaEvent } from '@afspraken/domain';
import type { SqlDatabase } from '@afspraken/event-store';
import { alleProgrammas, bijdragenAan, lijnVan, type Lijn } from '@afspraken/read-models';
import { APP_CONFIG, SQL_DATABASE, type AppConfig } from '@afspraken/platform';
import { CommandExecutor } from '@afspraken/application';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../shared';

export interface ProgrammaWeergave {
  readonly programma: Exclude<Programma, { status: 'onbekend' }>;
  readonly revision: number;
  /** Voorganger and opvolger as either programme names them (the other side from the read model). */
  readonly lijn: Lijn;
  /** Afspraken of other programmes that carry out one of this programme's afspraken. */
  readonly bijdragenVanAndere: readonly (Bijdrage & { readonly programmaId: string })[];
}

export class ToonProgrammaQuery extends Query<ProgrammaWeergave> {
  constructor(readonly programmaId: string) {
    super();
  }
}

@QueryHandler(ToonProgrammaQuery)
export class ToonProgrammaHandler implements IQueryHandler<ToonProgrammaQuery> {
  constructor(
    private readonly executor: CommandExecutor,
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ programmaId }: ToonProgrammaQuery): Promise<ProgrammaWeergave> {
    const { state, revision } = await this.executor.load<ProgrammaEvent, Programma>(
      programmaDecider,
      streams.programma(programmaId),
    );
    if (state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    const alle = await alleProgrammas(this.db, this.config.DB_SCHEMA);
    return { programma: state, revision, lijn: lijnVan(state, alle), bijdragenVanAndere: bijdragenAan(programmaId, alle) };
  }
}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class ToonProgrammaController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':programmaId')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Het programma met zijn programmalijnen, opgaven en Bestuurlijk Overleggen' })
  async toon(
    @Param() { programmaId }: ProgrammaParams,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ProgrammaWeergave> {
    vereisLeesrechtProgramma(actor, programmaId);
    const weergave = await this.queryBus.execute(new ToonProgrammaQuery(programmaId));
    response.setHeader('ETag', `"${weergave.revision}"`);
    return weergave;
  }
}
