import type { SignedTreeHead } from '@afspraken/application';
import { boomregel, sha256, voetregel, type Rapportage } from './rapportage';

// Characters Markdown would read as markup; user text is shown as written.
const md = (tekst: string): string => tekst.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_{}[\]<>#|]/g, (c) => `\\${c}`);

/** The canonical text of a report: its SHA-256 is the content hash every format prints. */
export const markdownInhoud = (rapport: Rapportage): string => {
  const regels: string[] = [];
  for (const blok of rapport.blokken) {
    if (blok.soort === 'kop') regels.push(`${'#'.repeat(blok.niveau)} ${md(blok.tekst)}`, '');
    else if (blok.soort === 'alinea') regels.push(md(blok.tekst), '');
    else {
      regels.push(`| ${blok.kolommen.map(md).join(' | ')} |`, `|${blok.kolommen.map(() => ' --- |').join('')}`);
      for (const rij of blok.rijen) regels.push(`| ${rij.map(md).join(' | ')} |`);
      regels.push('');
    }
  }
  regels.push('---', '');
  return regels.join('\n');
};

/** The Markdown file: the content, then two footer lines, its hash and the tree head (`head -n -2 | sha256sum` checks the hash). */
export const alsMarkdown = (rapport: Rapportage, hoofd: SignedTreeHead): { bestand: Buffer; inhoudHash: string } => {
  const inhoud = markdownInhoud(rapport);
  const inhoudHash = sha256(inhoud);
  return { bestand: Buffer.from(`${inhoud}${voetregel(inhoudHash)}\n${boomregel(hoofd)}\n`, 'utf8'), inhoudHash };
};
