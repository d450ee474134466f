import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor, BestaandeAfspraak } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { Leesrecht } from '@afspraken/platform';
import { AfspraakParams } from '../shared/afspraak-params';

export interface AfspraakWeergave {
  readonly afspraak: BestaandeAfspraak;
  readonly revision: number;
}

const SYSTEEM: Actor = { id: 'systeem', rol: 'systeem' };

export class ToonAfspraakQuery extends Query<AfspraakWeergave> {
  constructor(
    readonly afspraakId: string,
    /** Who asks; the CLI (run by whoever runs the server) reads as the system. */
    readonly actor: Actor = SYSTEEM,
  ) {
    super();
  }
}

/** Straight from the stream: always the latest state, whatever the projections' lag; 403 when the actor may not read it. */
@QueryHandler(ToonAfspraakQuery)
export class ToonAfspraakHandler implements IQueryHandler<ToonAfspraakQuery> {
  constructor(private readonly leesrecht: Leesrecht) {}

  execute({ afspraakId, actor }: ToonAfspraakQuery): Promise<AfspraakWeergave> {
    return this.leesrecht.afspraak(actor, afspraakId);
  }
}

@ApiTags('afspraken')
@ApiBearerAuth()
@Controller('afspraken')
export class ToonAfspraakController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':afspraakId')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'De huidige stand van een afspraak; ETag is de revisie (stuur die terug als If-Match)' })
  async toon(
    @Param() { afspraakId }: AfspraakParams,
    @HuidigeActor() actor: RequestActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AfspraakWeergave> {
    const weergave = await this.queryBus.execute(new ToonAfspraakQuery(afspraakId, actor));
    response.setHeader('ETag', `"${weergave.revision}"`);
    return weergave;
  }
}
