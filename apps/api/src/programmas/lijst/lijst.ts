import { Controller, Get, Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { binnenProgramma } from '@afspraken/domain';
import type { SqlDatabase } from '@afspraken/event-store';
import { alleProgrammas, lijnVan, type Lijn } from '@afspraken/read-models';
import { APP_CONFIG, SQL_DATABASE, type AppConfig } from '@afspraken/platform';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';

export interface ProgrammaRegel extends Lijn {
  readonly programmaId: string;
  readonly naam: string;
  readonly eigenaar: string;
  readonly bron: string;
}

export class LijstProgrammasQuery extends Query<ProgrammaRegel[]> {}

@QueryHandler(LijstProgrammasQuery)
export class LijstProgrammasHandler implements IQueryHandler<LijstProgrammasQuery> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(): Promise<ProgrammaRegel[]> {
    const alle = await alleProgrammas(this.db, this.config.DB_SCHEMA);
    return alle.map((p) => ({ programmaId: p.programmaId, naam: p.naam, eigenaar: p.eigenaar, bron: p.bron, ...lijnVan(p, alle) }));
  }
}

@ApiTags('programmas')
@ApiBearerAuth()
@Controller('programmas')
export class LijstProgrammasController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Alle programma’s met naam, eigenaar, bron en voorganger/opvolger (uit het leesmodel)' })
  async lijst(@HuidigeActor() actor: RequestActor): Promise<{ programmas: ProgrammaRegel[] }> {
    const alle = await this.queryBus.execute(new LijstProgrammasQuery());
    // A key limited to one programme sees only that one.
    return { programmas: alle.filter((p) => binnenProgramma(actor, p.programmaId)) };
  }
}
