#!/usr/bin/env node
/*
 * Makes sure PostgreSQL and/or Redis answer before tests or the app need them: start a local
 * server when one is installed but not running, otherwise fail with a one-line install hint.
 * Plain Node without dependencies, so it also runs before `npm ci`.
 *
 *   node scripts/ensure-services.js postgres redis
 */
'use strict';
const net = require('node:net');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const reachable = (host, port, timeoutMs = 1000) =>
  new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });

const waitFor = async (host, port, seconds) => {
  for (let i = 0; i < seconds * 5; i++) {
    if (await reachable(host, port, 500)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
};

const which = (command) => {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : null;
};

const isLocal = (host) => ['127.0.0.1', 'localhost', '::1', ''].includes(host);

const endpoint = (url, defaultPort) => {
  const u = new URL(url);
  return { host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1', port: Number(u.port || defaultPort) };
};

async function ensurePostgres() {
  const { host, port } = endpoint(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || 'postgres://127.0.0.1:5432/test', 5432);
  if (await reachable(host, port)) return;
  if (isLocal(host) && which('pg_ctlcluster') && fs.existsSync('/etc/postgresql')) {
    for (const version of fs.readdirSync('/etc/postgresql')) {
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'ignore' });
    }
    if (await waitFor(host, port, 20)) return console.error(`PostgreSQL gestart op ${host}:${port}`);
  }
  throw new Error(
    `PostgreSQL is niet bereikbaar op ${host}:${port}. Installeer en start het (Debian/Ubuntu: sudo apt-get install postgresql), of zet TEST_DATABASE_URL.`,
  );
}

async function ensureRedis({ dataDir } = {}) {
  const { host, port } = endpoint(process.env.REDIS_URL || 'redis://127.0.0.1:6379', 6379);
  if (await reachable(host, port)) return;
  const server = which('redis-server');
  if (isLocal(host) && server) {
    // For the app the schedule should survive a restart (AOF in the data folder); tests keep nothing.
    const persistence = dataDir
      ? (fs.mkdirSync(dataDir, { recursive: true }), ['--dir', path.resolve(dataDir), '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'])
      : ['--save', '', '--appendonly', 'no'];
    execFileSync(server, ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), ...persistence], { stdio: 'ignore' });
    if (await waitFor(host, port, 10)) return console.error(`Redis gestart op ${host}:${port}${dataDir ? ` (gegevens in ${dataDir})` : ''}`);
  }
  throw new Error(
    `Redis is niet bereikbaar op ${host}:${port}. Installeer het (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis), of zet REDIS_URL.`,
  );
}

module.exports = { ensurePostgres, ensureRedis, reachable };

if (require.main === module) {
  const wanted = process.argv.slice(2);
  const dataDirFlag = wanted.find((a) => a.startsWith('--redis-data='));
  (async () => {
    for (const name of wanted.filter((a) => !a.startsWith('--'))) {
      if (name === 'postgres') await ensurePostgres();
      else if (name === 'redis') await ensureRedis({ dataDir: dataDirFlag ? dataDirFlag.split('=')[1] : undefined });
      else throw new Error(`onbekende dienst: ${name}`);
    }
  })().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
