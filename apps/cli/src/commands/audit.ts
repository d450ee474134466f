import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { SignedTreeHead } from '@afspraken/application';
import { IllegalStateError, ZOALS, type Zoals } from '@afspraken/domain';
import { AuditStandService, RAPPORT_FORMATEN, RapportService, VerificatieService, type RapportFormaat } from '@afspraken/audit';
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
    .description('Controleert elke hashketen en de events tegen elk ondertekend boomhoofd; stopt met code 1 bij manipulatie')
    .option('--tegen <boomhoofd.json>', 'een eerder gepubliceerd boomhoofd (uit een rapport of GET /audit/boomhoofd): moet het begin zijn van de log van nu')
    .option('--sleutel <pem-bestand|url>', 'de publieke sleutel (PEM, of de URL van GET /audit/sleutel); anders die van AUDIT_SIGNING_KEY')
    .option('--json', 'als JSON')
    .action(
      withApp(async (app, options: { tegen?: string; sleutel?: string; json?: boolean }) => {
        const tegen = options.tegen ? leesBoomhoofd(options.tegen) : undefined;
        const publiekeSleutel = options.sleutel ? await leesPubliekeSleutel(options.sleutel) : undefined;
        const verslag = await app.get(VerificatieService).verifieer({ tegen, publiekeSleutel });
        const { boom } = verslag;
        if (options.json) io.out(json(verslag));
        else {
          for (const g of verslag.gebroken) {
            io.out(`GEBROKEN ${g.streamId} revisie ${g.revision}: ${g.reden}\n  verwacht: ${g.verwachteHash ?? '-'}\n  gevonden: ${g.gevondenHash ?? '-'}`);
          }
          io.out(`${verslag.streams} streams, ${verslag.events} events: ${verslag.gebroken.length === 0 ? 'alle hashketens intact' : `${verslag.gebroken.length} gebroken`}`);
          for (const f of boom.fouten) io.out(`GEMANIPULEERD (${f.soort}) ${f.reden}${f.eventId ? `\n  event ${f.eventId} in ${f.streamId}` : ''}`);
          if (boom.consistentie) {
            io.out(`consistentie ${boom.consistentie.van} -> ${boom.consistentie.tot}: ${boom.consistentie.geldig ? 'bewezen' : 'NIET bewezen'} (${boom.consistentie.bewijs.length} hashes)`);
          }
          const laatste = boom.laatsteBoomhoofd;
          io.out(
            boom.intact
              ? `auditboom intact: ${boom.boomhoofden} ondertekende boomhoofden kloppen met de ${boom.events} events van nu${laatste ? ` (laatste: grootte ${laatste.grootte}, ${laatste.tijdstip})` : ''}`
              : `auditboom NIET intact: ${boom.fouten.length} fout(en)`,
          );
        }
        if (!verslag.intact) {
          throw new IllegalStateError('AUDITLOG_GEMANIPULEERD', verslag.gebroken.length ? `${verslag.gebroken.length} stream(s) met een gebroken hashketen` : 'de log past niet bij de ondertekende boomhoofden');
        }
      }),
    );

  audit
    .command('rapport')
    .description('Voortgangsrapportage op een peildatum; opnieuw maken geeft hetzelfde bestand en dezelfde SHA-256')
    .requiredOption('--peildatum <JJJJ-MM-DD>', 'een dag die voorbij is')
    .option('--programma <id>', 'programma', 'TAZ')
    .addOption(new Option('--formaat <formaat>', 'md, html of pdf').choices(RAPPORT_FORMATEN).default('md'))
    .option('--uit <bestand>', 'schrijf naar dit bestand (anders naar stdout; pdf alleen naar een bestand)')
    .option('--boomhoofd <grootte>', 'met het ondertekende boomhoofd van deze grootte (het rapport opnieuw, byte voor byte)', geheelGetal)
    .action(
      withApp(async (app, options: { programma: string; peildatum: string; formaat: RapportFormaat; uit?: string; boomhoofd?: number }) => {
        if (options.formaat === 'pdf' && !options.uit) throw new IllegalStateError('UIT_VERPLICHT', 'geef --uit <bestand> voor een PDF');
        const rapport = await app.get(RapportService).maak(options.programma, options.peildatum, options.formaat, options.boomhoofd);
        if (!options.uit) return io.out(rapport.bestand.toString('utf8'));
        writeFileSync(options.uit, rapport.bestand);
        io.out(
          `${options.uit}: ${rapport.bestand.length} bytes\n  SHA-256 bestand: ${rapport.bestandHash}\n  SHA-256 inhoud:  ${rapport.inhoudHash}\n  boomhoofd:       ${JSON.stringify(rapport.boomhoofd)}`,
        );
      }),
    );
};

const geheelGetal = (waarde: string): number => {
  if (!/^\d+$/.test(waarde)) throw new InvalidArgumentError('moet een geheel getal ≥ 0 zijn');
  return Number(waarde);
};

/** A tree head as JSON (GET /audit/boomhoofd, or the `boomhoofd` of a report's CLI output). */
const leesBoomhoofd = (pad: string): SignedTreeHead => {
  let hoofd: unknown;
  try {
    hoofd = JSON.parse(readFileSync(pad, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new InvalidArgumentError(`${pad} is geen JSON`);
  }
  const h = hoofd as Partial<SignedTreeHead>;
  if (typeof h !== 'object' || h === null || typeof h.grootte !== 'number' || typeof h.wortel !== 'string' || typeof h.handtekening !== 'string') {
    throw new InvalidArgumentError(`${pad} is geen boomhoofd (grootte, wortel, tijdstip, sleutelId, handtekening)`);
  }
  return h as SignedTreeHead;
};

/** The public key alone: a PEM file, or the api's GET /audit/sleutel. */
const leesPubliekeSleutel = async (bron: string): Promise<KeyObject> => {
  if (/^https?:\/\//.test(bron)) {
    const antwoord = await fetch(bron);
    if (!antwoord.ok) throw new InvalidArgumentError(`${bron} gaf ${antwoord.status}`);
    return createPublicKey(((await antwoord.json()) as { pem: string }).pem);
  }
  return createPublicKey(readFileSync(bron, 'utf8'));
};
