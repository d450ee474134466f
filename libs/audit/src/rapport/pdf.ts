import PDFDocument from 'pdfkit';
import type { SignedTreeHead } from '@afspraken/application';
import { boomregel, voetregel, type Rapportage } from './rapportage';

/**
 * PDF via pdfkit, byte for byte reproducible: the document dates are the peilmoment (never the
 * clock), the file id derives from them, fonts are the built-in ones (nothing embedded with a
 * random subset tag) and deflate gives the same bytes for the same input.
 */
export const alsPdf = (rapport: Rapportage, inhoudHash: string, peilmoment: string, hoofd: SignedTreeHead): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const datum = new Date(peilmoment);
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 40,
      compress: true,
      info: { Title: rapport.titel, Author: 'Afspraken Tracker', Producer: 'Afspraken Tracker', Creator: 'Afspraken Tracker', CreationDate: datum, ModDate: datum },
    });
    const delen: Buffer[] = [];
    doc.on('data', (deel: Buffer) => delen.push(deel));
    doc.on('end', () => resolve(Buffer.concat(delen)));
    doc.on('error', reject);

    for (const blok of rapport.blokken) {
      if (blok.soort === 'kop') {
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(blok.niveau === 1 ? 16 : 12).text(blok.tekst).moveDown(0.3);
      } else if (blok.soort === 'alinea') {
        doc.font('Helvetica').fontSize(9).text(blok.tekst).moveDown(0.5);
      } else {
        doc.font('Helvetica').fontSize(8);
        doc.table({
          data: [blok.kolommen.map((k) => ({ text: k, font: { src: 'Helvetica-Bold' } })), ...blok.rijen.map((r) => [...r])],
        });
        doc.moveDown(0.5);
      }
    }
    doc.moveDown(1).font('Helvetica').fontSize(7).text(voetregel(inhoudHash)).text(boomregel(hoofd));
    doc.end();
  });
