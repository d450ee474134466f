import { parse } from 'csv-parse/sync';
import { historieAlsCsv, type HistorieRegel } from './geschiedenis';

const regel = (samenvatting: string, data: object = { toelichting: samenvatting }): HistorieRegel => ({
  revision: 0,
  position: 4096,
  type: 'VoortgangGerapporteerd',
  samenvatting,
  actor: 'sleutel:abc',
  rol: 'partij',
  partijId: 'vws',
  vastgelegdOp: '2023-05-01T09:00:00.000Z',
  effectiefOp: '2023-04-01T00:00:00.000Z',
  data,
  metadata: { previousHash: null, hash: 'a'.repeat(64) },
});

describe('Geschiedenis als CSV', () => {
  it('quotet komma, aanhalingsteken en regeleinde, zodat elk veld ongeschonden terugkomt', () => {
    const lastig = 'Noord, "Oost"\nen West\r\nklaar; <b>&</b>';
    const csv = historieAlsCsv([regel(lastig)]);
    const rows: Record<string, string>[] = parse(csv, { columns: true, record_delimiter: '\r\n' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ samenvatting: lastig, effectiefOp: '2023-04-01T00:00:00.000Z', previousHash: '', hash: 'a'.repeat(64) });
    expect(JSON.parse(rows[0].data)).toEqual({ toelichting: lastig });
  });

  it('citeert een los regeleinde ook, zodat een spreadsheet de regel niet splitst', () => {
    const csv = historieAlsCsv([regel('een\ntwee')]);
    expect(csv.split('\r\n')[1]).toContain('"een\ntwee"');
  });

  it('zet een cel die als formule zou worden gelezen voorafgegaan door een apostrof', () => {
    const csv = historieAlsCsv([regel('=HYPERLINK("http://example.org")', { x: 1 })]);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row.samenvatting).toBe('\'=HYPERLINK("http://example.org")');
  });
});
