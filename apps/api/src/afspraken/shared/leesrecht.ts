import { Injectable } from '@nestjs/common';
import { NotFoundError, vereisLeesrechtAfspraak, type Actor } from '@afspraken/domain';
import { AfspraakCommands } from './afspraak-commands';

/** Read endpoints about one afspraak ask this first: exists, and may this actor see it? */
@Injectable()
export class AfspraakLeesrecht {
  constructor(private readonly afspraken: AfspraakCommands) {}

  async vereis(actor: Actor, afspraakId: string): Promise<void> {
    const { state } = await this.afspraken.load(afspraakId);
    if (state.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    vereisLeesrechtAfspraak(actor, state);
  }
}
