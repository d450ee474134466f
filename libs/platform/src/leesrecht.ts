import { Injectable, Module } from '@nestjs/common';
import {
  NotFoundError,
  afspraakDecider,
  leesbereik,
  magAfspraakLezen,
  onbeperktBereik,
  streams,
  vereisLeesrechtAfspraak,
  vereisLeesrechtProgramma,
  type Actor,
  type Afspraak,
  type AfspraakEvent,
  type AfspraakGegevens,
  type BestaandeAfspraak,
  type Leesbereik,
} from '@afspraken/domain';
import { CommandExecutor } from '@afspraken/application';

/**
 * The one place every read path asks who may read what; the rule itself is the domain's
 * (`libs/domain/src/toegang`: `leesbereik`, `magAfspraakLezen`). One afspraak: `afspraak()` or
 * `vereis()`; a list from the read model: put `bereik()` in its filter (so totals and pages count
 * only what the caller may read); anything else that names afspraken (inbox, feeds): `filter()`.
 * Aggregates: programme-wide counts are fine, lines (ids, titles, narratives) only of readable afspraken.
 */
@Injectable()
export class Leesrecht {
  constructor(private readonly executor: CommandExecutor) {}

  bereik(actor: Actor): Leesbereik {
    return leesbereik(actor);
  }

  magLezen(actor: Actor, afspraak: Pick<AfspraakGegevens, 'programmaId' | 'trekker' | 'betrokken'>): boolean {
    return magAfspraakLezen(actor, afspraak);
  }

  /** 403 unless the actor may read this afspraak (already loaded). */
  vereis(actor: Actor, afspraak: AfspraakGegevens): void {
    vereisLeesrechtAfspraak(actor, afspraak);
  }

  /** The afspraak as it stands now, straight from its stream: 404 when unknown, 403 when not readable. */
  async afspraak(actor: Actor, afspraakId: string): Promise<{ afspraak: BestaandeAfspraak; revision: number }> {
    const { state, revision } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
    if (state.status === 'onbekend') throw new NotFoundError('AFSPRAAK_ONBEKEND', `Afspraak ${afspraakId} bestaat niet`);
    vereisLeesrechtAfspraak(actor, state);
    return { afspraak: state, revision };
  }

  /** Programme data (structure, counts): every role within the actor's programme. */
  vereisProgramma(actor: Actor, programmaId: string): void {
    vereisLeesrechtProgramma(actor, programmaId);
  }

  /**
   * Keeps the items about afspraken the actor may read (as they stand now, from their streams: no
   * projection lag); an afspraak that does not exist is left out.
   */
  async filter<T extends { readonly afspraakId: string }>(actor: Actor, items: readonly T[]): Promise<T[]> {
    if (onbeperktBereik(leesbereik(actor))) return [...items];
    const leesbaar = new Set<string>();
    for (const afspraakId of new Set(items.map((i) => i.afspraakId))) {
      const { state } = await this.executor.load<AfspraakEvent, Afspraak>(afspraakDecider, streams.afspraak(afspraakId));
      if (state.status !== 'onbekend' && magAfspraakLezen(actor, state)) leesbaar.add(afspraakId);
    }
    return items.filter((i) => leesbaar.has(i.afspraakId));
  }
}

/** The read rule for every app's module that reads (the api's slices, the audit services, the CLI). */
@Module({ providers: [Leesrecht], exports: [Leesrecht] })
export class LeesrechtModule {}
