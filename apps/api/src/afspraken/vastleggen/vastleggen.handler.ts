import { CommandHandler, Command, type ICommandHandler } from '@nestjs/cqrs';
import { afspraakDecider, deadlineOptiesVan, streams, type DeadlineOpties, type LegAfspraakVast, ValidationError, type AfspraakSoort, type Afspraak, type Niveau, type NieuweDeadline } from '@afspraken/domain';
import { CommandExecutor, type CommandContext, type CommandOutcome } from '@afspraken/application';
import { leesDeadline } from '../shared/deadline-invoer';
import { Referenties } from '../shared/referenties';

export interface AfspraakInvoer {
  readonly afspraakId: string;
  readonly soort: AfspraakSoort;
  readonly programmaId: string;
  readonly opgaveId?: string;
  readonly nummer?: string;
  readonly niveau?: Niveau;
  readonly titel: string;
  readonly tekst: string;
  readonly bronCitaat: string;
  readonly trekker: string;
  readonly betrokken: readonly string[];
  readonly deadlines: readonly { deadlineId?: string; omschrijving: string; phrase: string }[];
}

export class LegAfspraakVastCommand extends Command<CommandOutcome<Afspraak>> {
  constructor(
    readonly invoer: AfspraakInvoer,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export const leesDeadlines = (deadlines: AfspraakInvoer['deadlines'], opties: DeadlineOpties = {}): NieuweDeadline[] =>
  deadlines.map((d, i) => ({
    deadlineId: d.deadlineId ?? `d${i + 1}`,
    omschrijving: d.omschrijving,
    deadline: leesDeadline(d.phrase, `deadlines.${i}.phrase`, opties),
  }));

@CommandHandler(LegAfspraakVastCommand)
export class LegAfspraakVastHandler implements ICommandHandler<LegAfspraakVastCommand> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly referenties: Referenties,
  ) {}

  async execute({ invoer, context }: LegAfspraakVastCommand): Promise<CommandOutcome<Afspraak>> {
    const programma = await this.referenties.programma(invoer.programmaId);
    let programmalijnId: string | null = null;
    if (invoer.opgaveId) {
      const opgave = programma.opgaven.find((o) => o.opgaveId === invoer.opgaveId);
      if (!opgave) throw new ValidationError('ONBEKENDE_OPGAVE', `Opgave ${invoer.opgaveId} hoort niet bij ${programma.programmaId}`, 'opgaveId');
      programmalijnId = opgave.programmalijnId;
    }
    await this.referenties.partij(invoer.trekker, 'trekker');
    for (const [i, partij] of invoer.betrokken.entries()) await this.referenties.partij(partij, `betrokken.${i}`);
    const deadlines = leesDeadlines(invoer.deadlines, deadlineOptiesVan(programma.documentdatum?.datum));

    return this.executor.execute(
      afspraakDecider,
      streams.afspraak(invoer.afspraakId),
      (metadata): LegAfspraakVast => ({
        type: 'LegAfspraakVast',
        data: {
          afspraakId: invoer.afspraakId,
          soort: invoer.soort,
          programmaId: invoer.programmaId,
          programmalijnId,
          opgaveId: invoer.opgaveId ?? null,
          nummer: invoer.nummer ?? null,
          niveau: invoer.niveau ?? null,
          titel: invoer.titel,
          tekst: invoer.tekst,
          bronCitaat: invoer.bronCitaat,
          trekker: invoer.trekker,
          betrokken: [...invoer.betrokken],
          deadlines,
        },
        metadata,
      }),
      context,
    );
  }
}
