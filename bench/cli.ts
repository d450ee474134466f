/**
 * How fast the CLI answers `deadline` (no application, no database) next to bare Node and next to a
 * CLI start that loads every command group (`--help`), and how fast a sheet is read: the same rows
 * as CSV and as XLSX. All side by side in one run.
 *
 *   npm run bench:cli            (BENCH_RUNS=15 BENCH_ROWS=5000)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { leesTabel } from '@afspraken/import';
import { envInt, fmt, median, printTable } from './support';

const RUNS = envInt('BENCH_RUNS', 15);
const ROWS = envInt('BENCH_ROWS', 5000);
const CLI = 'dist/apps/cli/apps/cli/src/main.js';

const main = async () => {
  const map = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  try {
    // Each child writes its peak memory on exit; the parent reads it back.
    const probe = join(map, 'probe.js');
    writeFileSync(probe, "process.on('exit', () => require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n");
    const env = { ...process.env, DATA_DIR: join(map, 'data'), LOG_LEVEL: 'silent', DATABASE_URL: '', EVENTSTORE_URL: '' };
    const start = (args: string[]) => {
      const wall: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const rssFile = join(map, `rss-${i}`);
        const t0 = process.hrtime.bigint();
        const r = spawnSync(process.execPath, ['--require', probe, ...args], { env: { ...env, BENCH_RSS_FILE: rssFile }, encoding: 'utf8' });
        wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (r.status !== 0) throw new Error(`${args.join(' ')} faalde: ${r.stderr}`);
        rss.push(Number(readFileSync(rssFile, 'utf8')) / 1024);
      }
      return { ms: median(wall), mb: median(rss) };
    };
    const node = start(['-e', '0']);
    const deadline = start([CLI, 'deadline', 'uiterlijk in Q4 van 2023']);
    const alles = start([CLI, '--help']);
    printTable(
      `CLI start, median of ${RUNS} runs, one process per run, no database`,
      ['command', 'ms', '× node', 'peak MB', '× node'],
      [
        ['node -e 0 (baseline)', fmt(node.ms), '1.0', fmt(node.mb), '1.0'],
        ['cli deadline "uiterlijk in Q4 van 2023"', fmt(deadline.ms), fmt(deadline.ms / node.ms, 1), fmt(deadline.mb), fmt(deadline.mb / node.mb, 1)],
        ['cli --help (every command group loaded)', fmt(alles.ms), fmt(alles.ms / node.ms, 1), fmt(alles.mb), fmt(alles.mb / node.mb, 1)],
      ],
    );

    const kop = ['afspraakId', 'opgaveId', 'soort', 'niveau', 'titel', 'tekst', 'trekker', 'betrokken', 'deadline'];
    const rijen = Array.from({ length: ROWS }, (_, i) => [`B-${i}`, 'TAZ-O1', 'actie', 'sector-en-regio', `Actie ${i}`, 'Brancheorganisaties, met de regio, doen iets.', 'brancheorganisaties', 'vws;ocw', 'uiterlijk Q2 2027']);
    const csv = Buffer.from([kop, ...rijen].map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'), 'utf8');
    const workbook = new ExcelJS.Workbook();
    const blad = workbook.addWorksheet('afspraken');
    blad.addRows([kop, ...rijen]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const lees = async (bestand: Buffer, formaat: 'csv' | 'xlsx') => {
      await leesTabel(bestand, formaat); // warm-up: loads the parser
      const tijden: number[] = [];
      for (let i = 0; i < Math.min(RUNS, 5); i++) {
        const t0 = process.hrtime.bigint();
        const tabel = await leesTabel(bestand, formaat);
        tijden.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (tabel.rijen.length !== ROWS) throw new Error(`${formaat}: ${tabel.rijen.length} rijen gelezen, ${ROWS} verwacht`);
      }
      return median(tijden);
    };
    const csvMs = await lees(csv, 'csv');
    const xlsxMs = await lees(xlsx, 'xlsx');
    printTable(
      `Reading a sheet of ${fmt(ROWS)} rows (before any checks or writes), median of ${Math.min(RUNS, 5)} runs, in-process`,
      ['format', 'file KB', 'ms', 'rows/s', '× csv'],
      [
        ['csv', fmt(csv.length / 1024), fmt(csvMs, 1), fmt((ROWS / csvMs) * 1000), '1.0'],
        ['xlsx', fmt(xlsx.length / 1024), fmt(xlsxMs, 1), fmt((ROWS / xlsxMs) * 1000), fmt(xlsxMs / csvMs, 1)],
      ],
    );
  } finally {
    rmSync(map, { recursive: true, force: true });
  }
};

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
