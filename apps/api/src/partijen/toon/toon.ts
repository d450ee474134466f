import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus, QueryHandler, Query, type IQueryHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NotFoundError, partijDecider, streams, type Partij, type PartijEvent } from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';
import { Rollen } from '../../auth/actor';
import { PartijParams } from '../shared';

export interface ContactWeergave {
  readonly contactId: string;
  readonly naam: string;
  readonly email: string;
  readonly functie: string | null;
}

export interface PartijWeergave {
  readonly partij: {
    readonly status: 'vastgelegd';
    readonly partijId: string;
    readonly naam: string;
    readonly soort: string;
    readonly aliassen: readonly string[];
    /** A collectief's member parties (reminders go to them); empty otherwise. */
    readonly leden: readonly string[];
    readonly contacten: readonly ContactWeergave[];
  };
  readonly revision: number;
}

/**
 * Only the fields named here leave the API: whatever else a contact holds (webhook secrets,
 * tokens) stays inside, also when someone adds fields to the event later.
 */
export const toonbaar = (partij: Exclude<Partij, { status: 'onbekend' }>): PartijWeergave['partij'] => ({
  status: partij.status,
  partijId: partij.partijId,
  naam: partij.naam,
  soort: partij.soort,
  aliassen: [...partij.aliassen],
  leden: [...partij.leden],
  contacten: partij.contacten.map(({ contactId, naam, email, functie }) => ({ contactId, naam, email, functie: functie ?? null })),
});

export class ToonPartijQuery extends Query<PartijWeergave> {
  constructor(readonly partijId: string) {
    super();
  }
}

@QueryHandler(ToonPartijQuery)
export class ToonPartijHandler implements IQueryHandler<ToonPartijQuery> {
  constructor(private readonly executor: CommandExecutor) {}

  async execute({ partijId }: ToonPartijQuery): Promise<PartijWeergave> {
    const { state, revision } = await this.executor.load<PartijEvent, Partij>(partijDecider, streams.partij(partijId));
    if (state.status === 'onbekend') throw new NotFoundError('PARTIJ_ONBEKEND', `Partij ${partijId} bestaat niet`);
    return { partij: toonbaar(state), revision };
  }
}

@ApiTags('partijen')
@ApiBearerAuth()
@Controller('partijen')
export class ToonPartijController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get(':partijId')
  @Rollen('coordinator', 'partij', 'auditor')
  @ApiOperation({ summary: 'Een partij met haar contactpersonen' })
  async toon(@Param() { partijId }: PartijParams, @Res({ passthrough: true }) response: Response): Promise<PartijWeergave> {
    const weergave = await this.queryBus.execute(new ToonPartijQuery(partijId));
    response.setHeader('ETag', `"${weergave.revision}"`);
    return weergave;
  }
}
