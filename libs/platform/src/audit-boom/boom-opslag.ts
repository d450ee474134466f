import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock, MerkleFrontier, ondertekenBoomhoofd, type Hash, type SignedTreeHead } from '@afspraken/application';
import { EventStore, type SqlDatabase } from '@afspraken/event-store';
import { ProjectionRunner, tabellenVoor } from '@afspraken/read-models';
import { APP_CONFIG, type AppConfig } from '../config';
import { SQL_DATABASE } from '../core.module';
import { AUDIT_BOOM, BLADEREN_TABEL, auditBoomProjectie } from './boom-projectie';
import { AuditSleutel } from './ondertekensleutel';

const PAGINA = 10_000;
/** How long signing for a report waits for the tree to take in the latest events. */
const INHAALTIJD_MS = 5_000;

export type Aanleiding = 'interval' | 'rapport' | 'verzoek';

export interface OpgeslagenBoomhoofd extends SignedTreeHead {
  readonly aanleiding: Aanleiding;
}

interface HoofdRij {
  grootte: string | number;
  wortel: string;
  tijdstip: string;
  sleutel_id: string;
  handtekening: string;
  aanleiding: Aanleiding;
}

const naarHoofd = (r: HoofdRij): OpgeslagenBoomhoofd => ({
  grootte: Number(r.grootte),
  wortel: r.wortel,
  tijdstip: r.tijdstip,
  sleutelId: r.sleutel_id,
  handtekening: r.handtekening,
  aanleiding: r.aanleiding,
});

/**
 * The audit tree in SQL beside the read models: its leaves (kept by the `audit-boom` projection)
 * and the signed tree heads. Heads are never rebuilt: they are what was published.
 */
@Injectable()
export class BoomOpslag implements OnModuleInit {
  readonly runner: ProjectionRunner;
  private readonly bladeren: string;
  private readonly hoofden: string;
  /** The right edge of the tree as far as this process has read it: the root at a new size costs only the new leaves. */
  private rand = new MerkleFrontier();
  private readonly logger = new Logger('AuditBoom');

  constructor(
    @Inject(SQL_DATABASE) readonly db: SqlDatabase,
    readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(Clock) private readonly clock: Clock,
    private readonly sleutel: AuditSleutel,
  ) {
    this.runner = new ProjectionRunner(db, store, [auditBoomProjectie], {
      schema: config.DB_SCHEMA,
      logger: { log: (m) => this.logger.log(m), warn: (m) => this.logger.warn(m), error: (m) => this.logger.error(m) },
    });
    this.bladeren = tabellenVoor(config.DB_SCHEMA, auditBoomProjectie)[BLADEREN_TABEL];
    this.hoofden = `"${config.DB_SCHEMA}".audit_boomhoofden`;
  }

  async onModuleInit(): Promise<void> {
    await this.runner.migreer();
    await this.db.exec(`CREATE TABLE IF NOT EXISTS ${this.hoofden} (
      volgnummer   bigserial PRIMARY KEY,
      grootte      bigint NOT NULL,
      wortel       text   NOT NULL,
      tijdstip     text   NOT NULL,
      sleutel_id   text   NOT NULL,
      handtekening text   NOT NULL,
      aanleiding   text   NOT NULL
    )`);
  }

  async aantalBladeren(): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>(`SELECT coalesce(max(blad) + 1, 0) AS n FROM ${this.bladeren}`);
    return Number(rows[0].n);
  }

  /** Leaf hashes from `vanaf` up to (not including) `tot`, page by page. */
  async *bladHashes(vanaf: number, tot: number): AsyncGenerator<Hash> {
    for (let van = vanaf; van < tot; van += PAGINA) {
      const { rows } = await this.db.query<{ hash: string }>(`SELECT hash FROM ${this.bladeren} WHERE blad >= $1 AND blad < $2 ORDER BY blad`, [van, Math.min(tot, van + PAGINA)]);
      for (const r of rows) yield Buffer.from(r.hash, 'hex');
    }
  }

  async alleBladHashes(tot: number): Promise<Hash[]> {
    const hashes: Hash[] = [];
    for await (const h of this.bladHashes(0, tot)) hashes.push(h);
    if (hashes.length !== tot) throw new Error(`De boom heeft ${hashes.length} bladeren, niet ${tot}`);
    return hashes;
  }

  async blad(eventId: string): Promise<{ blad: number; positie: number } | null> {
    const { rows } = await this.db.query<{ blad: string | number; positie: string | number }>(`SELECT blad, positie FROM ${this.bladeren} WHERE event_id = $1`, [eventId]);
    return rows.length ? { blad: Number(rows[0].blad), positie: Number(rows[0].positie) } : null;
  }

  /** The root over the first `grootte` stored leaves. */
  async wortel(grootte: number): Promise<Hash> {
    if (grootte < this.rand.size) this.rand = new MerkleFrontier();
    for await (const h of this.bladHashes(this.rand.size, grootte)) this.rand.append(h);
    if (this.rand.size !== grootte) throw new Error(`De boom heeft ${this.rand.size} bladeren, niet ${grootte}`);
    return this.rand.root();
  }

  async boomhoofden(): Promise<OpgeslagenBoomhoofd[]> {
    const { rows } = await this.db.query<HoofdRij>(`SELECT grootte, wortel, tijdstip, sleutel_id, handtekening, aanleiding FROM ${this.hoofden} ORDER BY volgnummer`);
    return rows.map(naarHoofd);
  }

  async laatsteBoomhoofd(): Promise<OpgeslagenBoomhoofd | null> {
    const { rows } = await this.db.query<HoofdRij>(`SELECT grootte, wortel, tijdstip, sleutel_id, handtekening, aanleiding FROM ${this.hoofden} ORDER BY volgnummer DESC LIMIT 1`);
    return rows.length ? naarHoofd(rows[0]) : null;
  }

  /** The latest signed head of this size, if one was signed. */
  async boomhoofdVan(grootte: number): Promise<OpgeslagenBoomhoofd | null> {
    const { rows } = await this.db.query<HoofdRij>(
      `SELECT grootte, wortel, tijdstip, sleutel_id, handtekening, aanleiding FROM ${this.hoofden} WHERE grootte = $1 ORDER BY volgnummer DESC LIMIT 1`,
      [grootte],
    );
    return rows.length ? naarHoofd(rows[0]) : null;
  }

  /**
   * Signs the tree as it stands: the latest head again when the tree has not grown since (so a
   * report made twice carries the same head), else a new one.
   */
  async onderteken(aanleiding: Aanleiding): Promise<OpgeslagenBoomhoofd> {
    const grootte = await this.aantalBladeren();
    const laatste = await this.laatsteBoomhoofd();
    if (laatste && laatste.grootte === grootte && laatste.sleutelId === this.sleutelId()) return laatste;
    const wortel = (await this.wortel(grootte)).toString('hex');
    const hoofd = { ...ondertekenBoomhoofd(this.sleutel.privé(), { grootte, wortel, tijdstip: this.clock.now().toISOString() }), aanleiding };
    await this.db.query(`INSERT INTO ${this.hoofden} (grootte, wortel, tijdstip, sleutel_id, handtekening, aanleiding) VALUES ($1, $2, $3, $4, $5, $6)`, [
      hoofd.grootte,
      hoofd.wortel,
      hoofd.tijdstip,
      hoofd.sleutelId,
      hoofd.handtekening,
      hoofd.aanleiding,
    ]);
    return hoofd;
  }

  /**
   * For a report: the tree first takes in what the store holds now (waiting at most a few seconds
   * for the process that builds it), then it is signed.
   */
  async ondertekenBijgewerkt(aanleiding: Aanleiding): Promise<OpgeslagenBoomhoofd> {
    const doel = await this.store.headPosition();
    // Where no other process holds the tree's lease (the CLI, the embedded store), build it here.
    await this.runner.werkBij(AUDIT_BOOM).catch(() => undefined);
    const tot = Date.now() + INHAALTIJD_MS;
    while ((await this.runner.checkpoints.positie(this.db, AUDIT_BOOM)) < doel && Date.now() < tot) {
      await new Promise((r) => setTimeout(r, 25));
    }
    return this.onderteken(aanleiding);
  }

  private sleutelId(): string {
    return this.sleutel.beschrijving().sleutelId;
  }
}
