// Writes data/voorbeelden/afspraken.xlsx from afspraken.csv, so both examples hold the same rows.
// Run: node scripts/voorbeeld-xlsx.js
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('csv-parse/sync');
const ExcelJS = require('exceljs');

const map = join(__dirname, '..', 'data', 'voorbeelden');
const [kop, ...rijen] = parse(readFileSync(join(map, 'afspraken.csv'), 'utf8'), { bom: true });

const workbook = new ExcelJS.Workbook();
// Fixed dates keep the file the same on every run.
workbook.creator = 'Afspraken Tracker';
workbook.created = workbook.modified = new Date('2026-01-01T00:00:00Z');
const blad = workbook.addWorksheet('afspraken');
blad.addRow(kop).font = { bold: true };
for (const rij of rijen) blad.addRow(rij);
blad.columns.forEach((kolom, i) => {
  kolom.width = Math.min(60, Math.max(12, kop[i].length + 2, ...rijen.map((r) => (r[i] ?? '').length / 2)));
});
blad.views = [{ state: 'frozen', ySplit: 1 }];
workbook.xlsx.writeFile(join(map, 'afspraken.xlsx')).then(() => console.log(`${rijen.length} rijen geschreven naar data/voorbeelden/afspraken.xlsx`));
