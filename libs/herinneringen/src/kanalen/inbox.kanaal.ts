import type { SqlDatabase } from '@afspraken/event-store';
import type { Aflevering, Kanaal } from './kanaal';

export interface InboxItem {
  readonly verzendingId: string;
  readonly partijId: string;
  readonly afspraakId: string;
  readonly deadlineId: string;
  readonly trede: string;
  readonly due: string;
  readonly onderwerp: string;
  readonly tekst: string;
  readonly link: string;
  readonly ontvangenOp: string;
}

interface InboxRij {
  verzending_id: string;
  partij_id: string;
  afspraak_id: string;
  deadline_id: string;
  trede: string;
  due: string;
  onderwerp: string;
  tekst: string;
  link: string;
  ontvangen_op: Date | string;
}

/** The in-app inbox of a party: a row per delivery, keyed by it, so writing twice stores once. */
export class InboxKanaal implements Kanaal {
  constructor(
    private readonly db: SqlDatabase,
    private readonly schema: string,
    private readonly now: () => Date,
  ) {}

  private get tabel(): string {
    return `"${this.schema}".herinnering_inbox`;
  }

  async init(): Promise<void> {
    await this.db.exec(`
      CREATE SCHEMA IF NOT EXISTS "${this.schema}";
      CREATE TABLE IF NOT EXISTS ${this.tabel} (
        verzending_id text PRIMARY KEY,
        partij_id     text NOT NULL,
        afspraak_id   text NOT NULL,
        deadline_id   text NOT NULL,
        trede         text NOT NULL,
        due           text NOT NULL,
        onderwerp     text NOT NULL,
        tekst         text NOT NULL,
        link          text NOT NULL,
        ontvangen_op  timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS herinnering_inbox_partij ON ${this.tabel} (partij_id, ontvangen_op DESC);
    `);
  }

  async verstuur({ verzending, herinnering, bericht }: Aflevering): Promise<string> {
    await this.db.query(
      `INSERT INTO ${this.tabel} (verzending_id, partij_id, afspraak_id, deadline_id, trede, due, onderwerp, tekst, link, ontvangen_op)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (verzending_id) DO NOTHING`,
      [verzending.verzendingId, verzending.partijId, verzending.afspraakId, verzending.deadlineId, verzending.trede, herinnering.due, bericht.onderwerp, bericht.tekst, bericht.link, this.now()],
    );
    return verzending.verzendingId;
  }

  async lijst(partijId: string, limiet = 200): Promise<InboxItem[]> {
    const { rows } = await this.db.query<InboxRij>(`SELECT * FROM ${this.tabel} WHERE partij_id = $1 ORDER BY ontvangen_op DESC, verzending_id LIMIT $2`, [partijId, limiet]);
    return rows.map((r) => ({
      verzendingId: r.verzending_id,
      partijId: r.partij_id,
      afspraakId: r.afspraak_id,
      deadlineId: r.deadline_id,
      trede: r.trede,
      due: r.due,
      onderwerp: r.onderwerp,
      tekst: r.tekst,
      link: r.link,
      ontvangenOp: new Date(r.ontvangen_op).toISOString(),
    }));
  }
}
