import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** Part of an entry's content: bytes as they are, or one chunk repeated, deflated as it streams by. */
export type Inhoud = Buffer | { readonly herhaal: Buffer; readonly keer: number };

export interface ZipDeel {
  readonly naam: string;
  readonly inhoud: readonly Inhoud[];
  /** The uncompressed size the headers state; the true size when absent (a lying zip states less). */
  readonly verklaard?: number;
}

const deflate = async (inhoud: readonly Inhoud[]): Promise<{ data: Buffer; crc: number; grootte: number }> => {
  if (inhoud.every(Buffer.isBuffer)) {
    const alles = Buffer.concat(inhoud as Buffer[]);
    return { data: deflateRawSync(alles), crc: crc32(alles), grootte: alles.length };
  }
  const deflater = createDeflateRaw({ level: 9 });
  const uit: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => uit.push(chunk));
  let crc = 0;
  let grootte = 0;
  const schrijf = async (stuk: Buffer) => {
    crc = crc32(stuk, crc);
    grootte += stuk.length;
    if (!deflater.write(stuk)) await once(deflater, 'drain');
  };
  for (const deel of inhoud) {
    if (Buffer.isBuffer(deel)) await schrijf(deel);
    else for (let i = 0; i < deel.keer; i++) await schrijf(deel.herhaal);
  }
  deflater.end();
  await once(deflater, 'end');
  return { data: Buffer.concat(uit), crc: crc >>> 0, grootte };
};

/**
 * A zip written by hand (deflate, no zip64), so a test can make one whose parts unpack to hundreds of
 * megabytes without holding them in memory, and one whose headers lie about the sizes.
 */
export const maakZip = async (delen: readonly ZipDeel[]): Promise<Buffer> => {
  const lokaal: Buffer[] = [];
  const centraal: Buffer[] = [];
  let offset = 0;
  for (const deel of delen) {
    const { data, crc, grootte } = await deflate(deel.inhoud);
    const naam = Buffer.from(deel.naam, 'utf8');
    const verklaard = deel.verklaard ?? grootte;
    const kop = Buffer.alloc(30);
    kop.writeUInt32LE(0x04034b50, 0);
    kop.writeUInt16LE(20, 4);
    kop.writeUInt16LE(0, 6);
    kop.writeUInt16LE(8, 8);
    kop.writeUInt16LE(0, 10);
    kop.writeUInt16LE(0x21, 12);
    kop.writeUInt32LE(crc, 14);
    kop.writeUInt32LE(data.length, 18);
    kop.writeUInt32LE(verklaard, 22);
    kop.writeUInt16LE(naam.length, 26);
    kop.writeUInt16LE(0, 28);
    lokaal.push(kop, naam, data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt16LE(0, 12);
    cd.writeUInt16LE(0x21, 14);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(verklaard, 24);
    cd.writeUInt16LE(naam.length, 28);
    cd.writeUInt32LE(offset, 42);
    centraal.push(cd, naam);
    offset += kop.length + naam.length + data.length;
  }
  const cdGrootte = centraal.reduce((n, b) => n + b.length, 0);
  const eind = Buffer.alloc(22);
  eind.writeUInt32LE(0x06054b50, 0);
  eind.writeUInt16LE(delen.length, 8);
  eind.writeUInt16LE(delen.length, 10);
  eind.writeUInt32LE(cdGrootte, 12);
  eind.writeUInt32LE(offset, 16);
  return Buffer.concat([...lokaal, ...centraal, eind]);
};

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/**
 * A small xlsx of one sheet whose only text is one shared string of `megabytes` MB: the file is a few
 * hundred KB. With `verklaard`, the zip states that size for the shared strings instead of the truth.
 */
export const xlsxMetGroteTekst = (megabytes: number, verklaard?: number): Promise<Buffer> =>
  maakZip([
    {
      naam: '[Content_Types].xml',
      inhoud: [
        Buffer.from(
          `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
        ),
      ],
    },
    { naam: '_rels/.rels', inhoud: [Buffer.from(`${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)] },
    { naam: 'xl/workbook.xml', inhoud: [Buffer.from(`${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="b" sheetId="1" r:id="rId1"/></sheets></workbook>`)] },
    {
      naam: 'xl/_rels/workbook.xml.rels',
      inhoud: [
        Buffer.from(
          `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        ),
      ],
    },
    { naam: 'xl/worksheets/sheet1.xml', inhoud: [Buffer.from(`${XML}<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`)] },
    {
      naam: 'xl/sharedStrings.xml',
      inhoud: [Buffer.from(`${XML}<sst xmlns="${NS}" count="1" uniqueCount="1"><si><t>`), { herhaal: Buffer.alloc(1024 * 1024, 'x'), keer: megabytes }, Buffer.from('</t></si></sst>')],
      verklaard,
    },
  ]);
