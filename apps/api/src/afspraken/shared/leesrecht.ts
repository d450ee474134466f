import { Injectable } from '@nestjs/common';
import { NotFoundError, afspraakDecider, streams, vereisLeesrechtAfspraak, type Actor, type Afspraak, type AfspraakEvent } from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';

/** Read endpoints about one afspraak ask this first: exists, and may this actor see it? */
@Injectable()
export class AfspraakLeesrecht {
  constructor(private readonly executor: CommandExecutor) {}

  async vereis(actor: Actor, afspraakId: string): Promise<void> {
    const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
    if (state.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    vereisLeesrechtAfspraak(actor, state);
  }
}
