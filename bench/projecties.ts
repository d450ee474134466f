/**
 * Rebuild throughput of the afspraak-status read model against the raw read rate of the same
 * PostgreSQL event table, measured side by side in one run, with peak memory.
 *
 *   npm run bench:projecties                     # 1,000,000 events
 *   BENCH_EVENTS=100000 npm run bench:projecties
 *
 * "waarvan afronden": the part of a rebuild after its last page (wait for the last writes, build
 * the indexes side by side, swap the shadow table in).
 * BENCH_VENSTER=1000 interleaves the events of 1000 afspraken at a time (default 1: one afspraak after another).
 * BENCH_BATCH sets the page size of both (default 4000, the runner's rebuild default).
 * BENCH_RONDES rounds of (rebuild with 1 writer, with 3 writers, raw read) after a first raw read (default 3).
 * Uses TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) and a schema of its own,
 * dropped afterwards.
 */
import { PgDatabase, SqlEventStore } from '@afspraken/event-store';
import { dropSchema, openTestDatabase, uniqueSchema } from '@afspraken/event-store/testing/test-database';
import { AFSPRAAK_STATUS, ALLE_PROJECTIES, ProjectionRunner } from '@afspraken/read-models';
import { afspraakStroom } from '@afspraken/read-models/testing/voorbeeld-events';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const PER_AFSPRAAK = 8;
// 1: each afspraak's events written together, as an import does. Larger: events of that many
// afspraken interleaved, as months of daily work would be; a page then touches more documents.
const VENSTER = Number(process.env.BENCH_VENSTER ?? 1);
const BATCH = Number(process.env.BENCH_BATCH ?? 4000);
const RONDES = Number(process.env.BENCH_RONDES ?? 3);
// The SQL store derives positions from the transaction id: at most 4096 events per transaction.
const PER_TRANSACTIE = 4096;
const MB = 1024 * 1024;

/** Samples RSS every 20 ms; `piek()` is the highest since the last `reset()`. */
class Geheugen {
  private hoogste = 0;
  private readonly timer = setInterval(() => this.meet(), 20);
  meet(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.hoogste) this.hoogste = rss;
    return rss;
  }
  reset(): void {
    global.gc?.();
    this.hoogste = 0;
    this.meet();
  }
  piek(): number {
    this.meet();
    return this.hoogste;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

interface Meting {
  readonly naam: string;
  readonly events: number;
  readonly s: number;
  readonly piek100k: number;
  /** Peak RSS once half the events are in: memory that grew with the events would double after it. */
  readonly piekHelft: number;
  readonly piek: number;
  /** Of a rebuild: the time after the last page (last writes, indexes, swap). */
  readonly afrondenS?: number;
}

const seconden = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const getal = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Bulk load straight into the events table, as the store itself would number them. */
const vul = async (db: PgDatabase, schema: string, aantal: number): Promise<number> => {
  let buffer: { stream_id: string; revision: number; type: string; data: object; metadata: object }[] = [];
  const metadata = { recordedAt: '2023-01-02T00:00:00.000Z', effectiveAt: '2023-01-02T00:00:00.000Z' };
  const schrijf = async () => {
    await db.query(
      `INSERT INTO "${schema}".events (position, event_id, stream_id, revision, type, data, metadata)
       SELECT pg_current_xact_id()::text::bigint * 4096 + (e.idx - 1), gen_random_uuid(), e.ev->>'stream_id', (e.ev->>'revision')::bigint,
              e.ev->>'type', e.ev->'data', e.ev->'metadata'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(ev, idx)`,
      [JSON.stringify(buffer)],
    );
    buffer = [];
  };
  let geschreven = 0;
  // VENSTER afspraken at a time, their events interleaved (per stream still in order).
  for (let eerste = 0; geschreven < aantal; eerste += VENSTER) {
    const stromen = Array.from({ length: VENSTER }, (_, k) => afspraakStroom(eerste + k, PER_AFSPRAAK));
    for (let revision = 0; revision < PER_AFSPRAAK; revision++) {
      for (const stroom of stromen) {
        const e = stroom.events[revision];
        if (!e || geschreven === aantal) continue;
        buffer.push({ stream_id: stroom.streamId, revision, type: e.type, data: e.data, metadata });
        geschreven++;
        if (buffer.length === PER_TRANSACTIE) await schrijf();
      }
    }
  }
  if (buffer.length) await schrijf();
  await db.exec(`ANALYZE "${schema}".events`);
  return geschreven;
};

async function main(): Promise<void> {
  const db = openTestDatabase();
  const schema = uniqueSchema('bench');
  const geheugen = new Geheugen();
  try {
    const store = await SqlEventStore.create(db, { schema, adapter: 'postgres' });
    let start = process.hrtime.bigint();
    const aantal = await vul(db, schema, EVENTS);
    process.stderr.write(`${getal(aantal)} events geschreven in ${seconden(start).toFixed(1)} s\n`);

    const metingen: Meting[] = [];
    const ruw = async (): Promise<Meting> => {
      // Raw: page through the global stream exactly as the runner does, and do nothing with it.
      geheugen.reset();
      const begin = process.hrtime.bigint();
      let gelezen = 0;
      let piek100k = 0;
      let piekHelft = 0;
      for (let after = -1; ; ) {
        const page = await store.readAll({ after, maxCount: BATCH });
        if (!page.length) break;
        gelezen += page.length;
        after = page[page.length - 1].position;
        if (!piek100k && gelezen >= 100_000) piek100k = geheugen.piek();
        if (!piekHelft && gelezen >= aantal / 2) piekHelft = geheugen.piek();
      }
      return { naam: `ruw lezen (readAll, pagina ${BATCH})`, events: gelezen, s: seconden(begin), piek100k, piekHelft, piek: geheugen.piek() };
    };
    const herbouw = async (schrijvers: number): Promise<Meting> => {
      // Rebuild: read, fold with the domain's evolve, upsert documents, swap the shadow table in.
      const runner = new ProjectionRunner(db, store, ALLE_PROJECTIES, { schema, herbouwBatchGrootte: BATCH, herbouwSchrijvers: schrijvers });
      await runner.migreer();
      geheugen.reset();
      let piek100k = 0;
      let piekHelft = 0;
      const begin = process.hrtime.bigint();
      let laatstePagina = begin;
      const verslag = await runner.herbouw(AFSPRAAK_STATUS, (n) => {
        laatstePagina = process.hrtime.bigint();
        if (!piek100k && n >= 100_000) piek100k = geheugen.piek();
        if (!piekHelft && n >= aantal / 2) piekHelft = geheugen.piek();
      });
      return {
        naam: `herbouw ${AFSPRAAK_STATUS}, ${schrijvers} ${schrijvers === 1 ? 'schrijver' : 'schrijvers'}`,
        events: verslag.events,
        s: seconden(begin),
        piek100k,
        piekHelft,
        piek: geheugen.piek(),
        afrondenS: seconden(laatstePagina),
      };
    };
    // Raw reads between the rebuilds: each rebuild is compared with the raw reads right before and
    // after it, so a busy moment of the machine hits both sides of a ratio.
    metingen.push(await ruw());
    for (let ronde = 0; ronde < RONDES; ronde++) metingen.push(await herbouw(1), await herbouw(3), await ruw());
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".rm_afspraken`);

    const rate = (m: Meting) => m.events / m.s;
    const isRuw = (m: Meting) => m.afrondenS === undefined;
    /** Mean rate of the raw reads nearest before and after measurement `i`. */
    const ruwRond = (i: number): number => {
      const voor = metingen.slice(0, i + 1).reverse().find(isRuw) as Meting;
      const na = metingen.slice(i).find(isRuw) as Meting;
      return (rate(voor) + rate(na)) / 2;
    };
    const verhouding = (m: Meting) => rate(m) / ruwRond(metingen.indexOf(m));
    const mb = (b: number) => (b ? `${(b / MB).toFixed(0)} MB` : '-');
    const regels: string[][] = [
      ['meting', 'events', 'tijd', 'waarvan afronden', 'events/s', 't.o.v. ruw lezen ervoor en erna', 'piek-RSS na 100k', 'piek-RSS na de helft', 'piek-RSS einde', 'einde / helft'],
      ...metingen.map((m) => [
        m.naam,
        getal(m.events),
        `${m.s.toFixed(1)} s`,
        m.afrondenS === undefined ? '-' : `${m.afrondenS.toFixed(1)} s`,
        getal(rate(m)),
        isRuw(m) ? '-' : `${(verhouding(m) * 100).toFixed(0)}%`,
        mb(m.piek100k),
        mb(m.piekHelft),
        mb(m.piek),
        m.piekHelft ? (m.piek / m.piekHelft).toFixed(2) : '-',
      ]),
    ];
    // The default configuration (3 writers), median over the rounds.
    const standaard = metingen.filter((m) => m.naam.endsWith('3 schrijvers')).sort((a, b) => verhouding(a) - verhouding(b));
    const mediaan = standaard[Math.floor((standaard.length - 1) / 2)];
    const geheugenVlak = standaard.every((m) => m.piekHelft && m.piek / m.piekHelft <= 1.1);
    const breedte = regels[0].map((_, k) => Math.max(...regels.map((r) => r[k].length)));
    const regel = (r: string[]) => `| ${r.map((c, k) => (k === 0 ? c.padEnd(breedte[k]) : c.padStart(breedte[k]))).join(' | ')} |`;
    process.stdout.write(
      [
        `Projectie-herbouw tegen ruw lezen, één run, PostgreSQL, ${getal(aantal)} events in ${getal(Number(rows[0].n))} afspraken (${PER_AFSPRAAK} per afspraak, ${VENSTER === 1 ? 'per afspraak achter elkaar' : `${getal(VENSTER)} afspraken door elkaar`})`,
        '',
        regel(regels[0]),
        `|${breedte.map((b) => '-'.repeat(b + 2)).join('|')}|`,
        ...regels.slice(1).map(regel),
        '',
        `doel: herbouw ≥ 50% van ruw lezen → ${verhouding(mediaan) >= 0.5 ? 'gehaald' : 'NIET gehaald'} (3 schrijvers, mediaan van ${standaard.length} ${standaard.length === 1 ? 'ronde' : 'rondes'}: ${(verhouding(mediaan) * 100).toFixed(0)}%); geheugen vlak (de tweede helft van de events laat de piek met hoogstens 10% groeien) → ${
          geheugenVlak ? 'ja' : 'nee'
        }`,
        '',
      ].join('\n'),
    );
  } finally {
    geheugen.stop();
    await dropSchema(db, schema);
    await db.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
