import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { IllegalStateError, ZOALS, type Zoals } from '@afspraken/domain';
import { RAPPORT_FORMATEN, type RapportFormaat } from '../../audit/rapport/rapportage';
import { RapportService } from '../../audit/rapport/rapport.service';
import { AuditStandService } from '../../audit/stand/audit-stand.service';
import { VerificatieService } from '../../audit/verificatie/verificatie';
import { json, type CliContext } from '../cli-context';

interface StandOpties {
  programma: string;
  peildatum: string;
  zoals: Zoals;
  afspraak?: string;
  json?: boolean;
}

export const registerAudit = (program: Command, { io, withApp }: CliContext): void => {
  const audit = program.command('audit').description('Voor auditors: stand op een peildatum, hashketens, voortgangsrapportage');

  audit
    .command('stand')
    .description('Het programma (of één afspraak) op een peildatum, zoals toen vastgelegd of zoals nu gecorrigeerd')
    .requiredOption('--peildatum <JJJJ-MM-DD>', 'de dag; de stand aan het einde ervan (Europe/Amsterdam)')
    .addOption(new Option('--zoals <zoals>', 'vastgelegd: wat toen was vastgelegd; gecorrigeerd: wat we nu weten dat toen gold').choices(ZOALS).default('vastgelegd'))
    .option('--programma <id>', 'programma', 'TAZ')
    .option('--afspraak <id>', 'alleen deze afspraak')
    .option('--json', 'als JSON')
    .action(
      withApp(async (app, options: StandOpties) => {
        const stand = app.get(AuditStandService);
        const peiling = { peildatum: options.peildatum, zoals: options.zoals };
        if (options.afspraak) {
          const a = await stand.afspraak(options.afspraak, peiling);
          if (options.json) return io.out(json(a));
          if (a.afspraak.status === 'onbekend' || !a.status) return io.out(`${options.afspraak} bestond op ${a.peildatum} (zoals ${a.zoals}) nog niet`);
          return io.out(
            [
              `${a.afspraak.afspraakId} op ${a.peildatum} (zoals ${a.zoals}, ${a.events} events): ${a.afspraak.status}, ${a.status.status}`,
              ...a.status.mijlpalen.map((m) => `  ${m.deadlineId.padEnd(4)} ${m.phrase.padEnd(28)} ${(m.due ?? '-').padEnd(10)}  ${m.status.padEnd(16)} ${m.omschrijving}`),
            ].join('\n'),
          );
        }
        const overzicht = await stand.overzicht(options.programma, peiling);
        if (options.json) return io.out(json(overzicht));
        const kolommen = ['op schema', 'binnenkort', 'verlopen', 'geleverd op tijd', 'geleverd te laat', 'ingetrokken', 'geen termijn', 'wacht op anker', 'totaal'] as const;
        const rij = (label: string, t: Record<(typeof kolommen)[number], number>) => `${label.slice(0, 44).padEnd(44)} ${kolommen.map((k) => String(t[k]).padStart(k.length)).join('  ')}`;
        io.out(
          [
            `${overzicht.naam ?? overzicht.programmaId} op ${overzicht.peildatum} (zoals ${overzicht.zoals}, ${overzicht.events} events)`,
            `${''.padEnd(44)} ${kolommen.join('  ')}`,
            ...overzicht.programmalijnen.map((l) => rij(l.programmalijnId === null ? 'zonder programmalijn' : `${l.nummer}. ${l.naam ?? l.programmalijnId}`, l.telling)),
            rij('totaal', overzicht.totaal),
          ].join('\n'),
        );
      }),
    );

  audit
    .command('verifieer')
    .description('Controleert de hashketen van elke stream; stopt met code 1 bij een gebroken schakel')
    .option('--json', 'als JSON')
    .action(
      withApp(async (app, options: { json?: boolean }) => {
        const verslag = await app.get(VerificatieService).verifieer();
        if (options.json) io.out(json(verslag));
        else {
          for (const g of verslag.gebroken) {
            io.out(`GEBROKEN ${g.streamId} revisie ${g.revision}: ${g.reden}\n  verwacht: ${g.verwachteHash ?? '-'}\n  gevonden: ${g.gevondenHash ?? '-'}`);
          }
          io.out(`${verslag.streams} streams, ${verslag.events} events: ${verslag.intact ? 'alle hashketens intact' : `${verslag.gebroken.length} gebroken`}`);
        }
        if (!verslag.intact) throw new IllegalStateError('HASHKETEN_GEBROKEN', `${verslag.gebroken.length} stream(s) met een gebroken hashketen`);
      }),
    );

  audit
    .command('rapport')
    .description('Voortgangsrapportage op een peildatum; opnieuw maken geeft hetzelfde bestand en dezelfde SHA-256')
    .requiredOption('--peildatum <JJJJ-MM-DD>', 'een dag die voorbij is')
    .option('--programma <id>', 'programma', 'TAZ')
    .addOption(new Option('--formaat <formaat>', 'md, html of pdf').choices(RAPPORT_FORMATEN).default('md'))
    .option('--uit <bestand>', 'schrijf naar dit bestand (anders naar stdout; pdf alleen naar een bestand)')
    .action(
      withApp(async (app, options: { programma: string; peildatum: string; formaat: RapportFormaat; uit?: string }) => {
        if (options.formaat === 'pdf' && !options.uit) throw new IllegalStateError('UIT_VERPLICHT', 'geef --uit <bestand> voor een PDF');
        const rapport = await app.get(RapportService).maak(options.programma, options.peildatum, options.formaat);
        if (!options.uit) return io.out(rapport.bestand.toString('utf8'));
        writeFileSync(options.uit, rapport.bestand);
        io.out(`${options.uit}: ${rapport.bestand.length} bytes\n  SHA-256 bestand: ${rapport.bestandHash}\n  SHA-256 inhoud:  ${rapport.inhoudHash}`);
      }),
    );
};
