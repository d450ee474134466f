import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, afspraakDecider, streams, vereisLeesrechtAfspraak, type Afspraak, type AfspraakEvent, type BestaandeAfspraak } from '@afspraken/domain';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { CommandExecutor } from '@afspraken/application';
import { AfspraakParams } from '../shared/afspraak-params';

export interface AfspraakWeergave {
  readonly afspraak: BestaandeAfspraak;
  readonly revision: number;
}

export class ToonAfspraakQuery extends Query<AfspraakWeergave> {
  constructor(readonly afspraakId: string) {
    super();
  }
}

/** Straight from the stream: always the latest state, whatever the projections' lag. */
@QueryHandler(ToonAfspraakQuery)
export class ToonAfspraakHandler implements IQueryHandler<ToonAfspraakQuery> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ afspraakId }: ToonAfspraakQuery): Promise<AfspraakWeergave> {
    const { state, revision } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
    if (state.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    return { afspraak: state, revision };
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
    const weergave = await this.queryBus.execute(new ToonAfspraakQuery(afspraakId));
    vereisLeesrechtAfspraak(actor, weergave.afspraak);
    response.setHeader('ETag', `"${weergave.revision}"`);
    return weergave;
  }
}
