import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** The user the throwaway cluster runs as when we are root (initdb and postgres refuse root). */
const SERVER_USER = 'postgres';

/**
 * The folder holding PostgreSQL's server binaries (initdb, pg_ctl), or undefined when there are none:
 * `PG_BIN` if set, else the newest Debian install (/usr/lib/postgresql/<version>/bin, which Debian
 * keeps off PATH), else wherever `initdb` is on PATH.
 */
export function findPostgresBin(): string | undefined {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const debian = '/usr/lib/postgresql';
  const versions = existsSync(debian) ? readdirSync(debian).filter((v) => /^\d+$/.test(v)) : [];
  for (const v of versions.sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(debian, v, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, 'initdb'))) return dir;
  return undefined;
}

/** A PostgreSQL cluster of our own, in a temporary folder, on a loopback port. */
export interface TestPostgres {
  /** postgres://… of the `postgres` database, with the password. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now (the server binds it a moment later; a clash fails its start, which is retried). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Creates a fresh cluster (initdb with password authentication, so URLs carry a password as in
 * production) and starts it. As root, the server runs as the `postgres` user through runuser.
 * fsync is off unless asked for: a test cluster is thrown away, and syncing would only slow the
 * tests; the benchmark turns it on, to compare with SQLite syncing every commit.
 */
export async function startPostgres(bin = findPostgresBin(), settings: { fsync?: boolean } = {}): Promise<TestPostgres> {
  if (!bin) throw new Error('no PostgreSQL binaries (initdb, pg_ctl) found; install the postgresql package or set PG_BIN');
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as another user, who must reach the folder: /tmp, not a TMPDIR under /root.
  const dir = await mkdtemp(path.join(asRoot ? '/tmp' : os.tmpdir(), 'casefile-pg-'));
  const exec = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', SERVER_USER, '--', path.join(bin, cmd), ...args]) : run(path.join(bin, cmd), args);
  const password = randomBytes(12).toString('hex');
  const data = path.join(dir, 'data');
  let port = 0;
  try {
    port = await initAndStart(dir, exec, password, settings.fsync ?? false, asRoot);
  } catch (error) {
    // A cluster that did not come up leaves nothing behind; its log says why, so it goes in the error.
    const log = await readFile(path.join(dir, 'server.log'), 'utf8').catch(() => '');
    await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL: ${String(error)}\n${log.slice(-2000)}`);
  }
  const url = (db: string) => `postgres://casefile:${password}@127.0.0.1:${port}/${db}`;
  return {
    url: url('postgres'),
    async createDatabase(name = `t_${randomBytes(6).toString('hex')}`) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** initdb with a password, then pg_ctl start on a free loopback port (a port taken meanwhile is retried); returns the port. */
async function initAndStart(
  dir: string,
  exec: (cmd: string, args: string[]) => Promise<unknown>,
  password: string,
  fsync: boolean,
  asRoot: boolean,
): Promise<number> {
  const data = path.join(dir, 'data');
  if (asRoot) await chown(dir, ...(await ids(SERVER_USER)));
  await writeFile(path.join(dir, 'pw'), password, { mode: 0o644 });
  const pwfile = `--pwfile=${path.join(dir, 'pw')}`;
  await exec('initdb', ['-D', data, '-U', 'casefile', '-A', 'scram-sha-256', pwfile, '-E', 'UTF8', '--no-sync']);
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync ? 'on' : 'off'} -c max_connections=200`;
    try {
      await exec('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

async function ids(user: string): Promise<[number, number]> {
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
  return [Number(uid.trim()), Number(gid.trim())];
}

/**
 * For tests: `describe` when PostgreSQL's binaries are here, else `describe.skip` with a loud
 * warning, so a machine without them skips rather than fails (CI installs them; see .ci/run).
 */
export function postgresAvailable(what: string): boolean {
  if (findPostgresBin()) return true;
  process.stderr.write(`\n!!! SKIPPING ${what}: no PostgreSQL binaries (install the postgresql package, or set PG_BIN)\n\n`);
  return false;
}
