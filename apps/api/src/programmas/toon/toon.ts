import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, vereisLeesrechtProgramma, programmaDecider, streams, type Programma, type ProgrammaEvent } from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';
import { HuidigeActor, Rollen, type RequestActor } from '../../auth/actor';
import { ProgrammaParams } from '../shared';

export interface ProgrammaWeergave {
  readonly programma: Exclude<Programma, { status: 'onbekend' }>;
  readonly revision: number;
}

export class ToonProgrammaQuery extends Query<ProgrammaWeergave> {
  constructor(readonly programmaId: string) {
    super();
  }
}

@QueryHandler(ToonProgrammaQuery)
export class ToonProgrammaHandler implements IQueryHandler<ToonProgrammaQuery> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ programmaId }: ToonProgrammaQuery): Promise<ProgrammaWeergave> {
    const { state, revision } = await this.executor.load<ProgrammaEvent, Programma>(
      programmaDecider,
      streams.programma(programmaId),
    );
    if (state.status === 'onbekend') throw new NotFoundError('PROGRAMMA_ONBEKEND', `Programma ${programmaId} bestaat niet`);
    return { programma: state, revision };
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
