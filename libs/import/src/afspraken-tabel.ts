import type ExcelJS from 'exceljs';
import type { Entry, ZipFile } from 'yauzl';
import { InvoerFouten } from '@afspraken/application';

export type TabelFormaat = 'csv' | 'xlsx';

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Larger files are refused before they are read (a spreadsheet is unzipped in memory). */
export const MAX_BESTAND_BYTES = 5 * 1024 * 1024;
export const MAX_RIJEN = 5000;
/** Known columns, deadline2…deadline20 and the empty formatted columns spreadsheets carry fit well within this. */
export const MAX_KOLOMMEN = 200;
/** Excel's own limit for the text of one cell. */
export const MAX_CEL_TEKENS = 32_767;
/**
 * An xlsx is a zip: 5 MB of it can unpack to gigabytes (one shared string of 500 MB). Its entries
 * together may unpack to at most this; checked in the zip's directory and while unpacking, before exceljs
 * sees the file. A sheet of MAX_RIJEN full rows unpacks to well under it.
 */
export const MAX_UITGEPAKT_BYTES = 40 * 1024 * 1024;
const MAX_ZIP_DELEN = 1000;

/** A sheet as rows of text. `rij` is the row number a spreadsheet shows: the header is row 1. */
export interface Tabel {
  readonly kop: readonly string[];
  readonly rijen: readonly { readonly rij: number; readonly waarden: readonly string[] }[];
}

export const formaatVanBestandsnaam = (naam: string): TabelFormaat | null => {
  const extensie = naam.toLowerCase().split('.').pop();
  return extensie === 'csv' || extensie === 'xlsx' ? extensie : null;
};

export const formaatVanContentType = (contentType: string | undefined): TabelFormaat | null => {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type === CSV_TYPE ? 'csv' : type === XLSX_TYPE ? 'xlsx' : null;
};

const bestandsFout = (message: string) => new InvoerFouten([{ field: 'bestand', message }]);

const leeg = (waarden: readonly string[]) => waarden.every((w) => w.trim() === '');

/** Reads a CSV or XLSX file into rows of text; throws InvoerFouten when the file itself is unreadable. */
export const leesTabel = async (bestand: Buffer, formaat: TabelFormaat): Promise<Tabel> => {
  if (bestand.length === 0) throw bestandsFout('het bestand is leeg');
  if (bestand.length > MAX_BESTAND_BYTES) throw bestandsFout(`het bestand is ${bestand.length} bytes, hoogstens ${MAX_BESTAND_BYTES} mag`);
  const alle = formaat === 'csv' ? await leesCsv(bestand) : await leesXlsx(bestand);
  const [kop, ...rest] = alle.filter((r) => !leeg(r.waarden));
  if (!kop) throw bestandsFout('het bestand bevat geen kopregel');
  if (rest.length > MAX_RIJEN) throw bestandsFout(`het bestand heeft ${rest.length} rijen, hoogstens ${MAX_RIJEN} mogen in één import`);
  vereisBreedte(kop.waarden.length);
  for (const { rij, waarden } of [kop, ...rest]) {
    const lang = waarden.findIndex((w) => w.length > MAX_CEL_TEKENS);
    if (lang >= 0) throw new InvoerFouten([{ field: `rij ${rij}, kolom ${lang + 1}`, message: `de cel heeft ${waarden[lang].length} tekens, hoogstens ${MAX_CEL_TEKENS}` }]);
  }
  return { kop: kop.waarden.map((k) => k.trim()), rijen: rest };
};

const vereisBreedte = (kolommen: number): void => {
  if (kolommen > MAX_KOLOMMEN) throw bestandsFout(`het bestand heeft ${kolommen} kolommen, hoogstens ${MAX_KOLOMMEN}`);
};

// The parsers load on first use: the CLI and api start without them.
const leesCsv = async (bestand: Buffer): Promise<{ rij: number; waarden: string[] }[]> => {
  const { parse } = await import('csv-parse/sync');
  const tekst = bestand.toString('utf8');
  if (tekst.includes('\uFFFD')) throw bestandsFout('het bestand is geen UTF-8 (sla het op als "CSV UTF-8")');
  // Dutch spreadsheet programs write ';' between columns; the header line tells which one this file uses.
  const eersteRegel = tekst.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0];
  const scheidingsteken = [',', ';', '\t'].reduce((beste, teken) => (eersteRegel.split(teken).length > eersteRegel.split(beste).length ? teken : beste));
  // The parser takes seconds over a header of 600,000 columns; counted on the line itself, it takes none.
  if (!eersteRegel.includes('"')) vereisBreedte(eersteRegel.split(scheidingsteken).length);
  try {
    const records: string[][] = parse(tekst, { bom: true, delimiter: scheidingsteken, relax_column_count: true, skip_empty_lines: false });
    // Row numbers count records, as a spreadsheet shows them, so a quoted multi-line text is one row.
    return records.map((waarden, i) => ({ rij: i + 1, waarden }));
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw bestandsFout(`kan de CSV niet lezen${e.lines ? ` (regel ${e.lines})` : ''}: ${e.message.replace(/^[A-Za-z ]+: /, '')}`);
  }
};

const celTekst = (cell: ExcelJS.Cell): string => {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  // A date cell is shown as a day; Excel stores it as midnight UTC.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return cell.text ?? '';
};

const leesXlsx = async (bestand: Buffer): Promise<{ rij: number; waarden: string[] }[]> => {
  // exceljs is CommonJS: its exports are the default export whether loaded by require or by import.
  const { default: excel } = await import('exceljs');
  await vereisKleinUitgepakt(bestand);
  const workbook = new excel.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    await workbook.xlsx.load(bestand as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw bestandsFout('is geen leesbaar xlsx-bestand');
  }
  const blad = workbook.worksheets[0];
  if (!blad) throw bestandsFout('het xlsx-bestand heeft geen werkblad');
  const breedte = blad.columnCount;
  // Before a cell is touched: getCell makes every cell up to the widest row.
  vereisBreedte(breedte);
  if (blad.actualRowCount > MAX_RIJEN + 1) throw bestandsFout(`het bestand heeft ${blad.actualRowCount - 1} rijen, hoogstens ${MAX_RIJEN} mogen in één import`);
  const rijen: { rij: number; waarden: string[] }[] = [];
  blad.eachRow({ includeEmpty: false }, (row, rij) => {
    const waarden: string[] = [];
    for (let kolom = 1; kolom <= breedte; kolom++) waarden.push(celTekst(row.getCell(kolom)));
    rijen.push({ rij, waarden });
  });
  return rijen;
};

/**
 * Reads the zip's central directory and refuses an xlsx whose entries would unpack past
 * MAX_UITGEPAKT_BYTES. The directory's sizes are the sender's word, so every entry is then unpacked
 * once as a stream into nothing: yauzl stops an entry the moment it yields more than it declared.
 */
const vereisKleinUitgepakt = async (bestand: Buffer): Promise<void> => {
  const yauzl = await import('yauzl');
  const teGroot = (bytes: number) => bestandsFout(`het xlsx-bestand pakt uit tot meer dan ${bytes} bytes, hoogstens ${MAX_UITGEPAKT_BYTES} mag`);
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bestand, { lazyEntries: true, autoClose: false, validateEntrySizes: true, decodeStrings: true }, (error, z) => (error ? reject(error) : resolve(z))),
    );
  } catch {
    throw bestandsFout('is geen leesbaar xlsx-bestand');
  }
  const delen: Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    let totaal = 0;
    zip.on('entry', (entry: Entry) => {
      totaal += entry.uncompressedSize;
      if (totaal > MAX_UITGEPAKT_BYTES) return reject(teGroot(totaal));
      if (delen.push(entry) > MAX_ZIP_DELEN) return reject(bestandsFout(`het xlsx-bestand heeft meer dan ${MAX_ZIP_DELEN} delen`));
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () => reject(bestandsFout('is geen leesbaar xlsx-bestand')));
    zip.readEntry();
  }).catch((error) => {
    zip.close();
    throw error;
  });
  try {
    for (const entry of delen) {
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error ? reject(error) : resolve(s))));
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject);
        stream.on('end', () => resolve());
        stream.resume();
      });
    }
  } catch {
    // A size that lies, a broken deflate stream or a bad checksum: not a file we read further.
    throw bestandsFout('is geen leesbaar xlsx-bestand (een deel pakt anders uit dan de zip zegt)');
  } finally {
    zip.close();
  }
};
