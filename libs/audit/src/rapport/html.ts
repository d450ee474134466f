import type { SignedTreeHead } from '@afspraken/application';
import { boomregel, voetregel, type Rapportage } from './rapportage';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every text in the report may come from a user: always escaped. */
export const escapeHtml = (tekst: string): string => tekst.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STIJL = 'body{font-family:sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin-bottom:1.5rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}footer{margin-top:2rem;font-size:.8rem;color:#555}';

export const alsHtml = (rapport: Rapportage, inhoudHash: string, hoofd: SignedTreeHead): Buffer => {
  const delen: string[] = [
    '<!DOCTYPE html>',
    '<html lang="nl">',
    `<head><meta charset="utf-8"><title>${escapeHtml(rapport.titel)}</title><style>${STIJL}</style></head>`,
    '<body>',
  ];
  for (const blok of rapport.blokken) {
    if (blok.soort === 'kop') delen.push(`<h${blok.niveau}>${escapeHtml(blok.tekst)}</h${blok.niveau}>`);
    else if (blok.soort === 'alinea') delen.push(`<p>${escapeHtml(blok.tekst)}</p>`);
    else {
      delen.push('<table>', `<thead><tr>${blok.kolommen.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead>`, '<tbody>');
      for (const rij of blok.rijen) delen.push(`<tr>${rij.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
      delen.push('</tbody>', '</table>');
    }
  }
  delen.push(`<footer><p>${escapeHtml(voetregel(inhoudHash))}</p><p>${escapeHtml(boomregel(hoofd))}</p></footer>`, '</body>', '</html>', '');
  return Buffer.from(delen.join('\n'), 'utf8');
};
