/**
 * A throw-away PostgreSQL server for the engine tests: its own data directory in a temporary folder, a random local
 * port, its Unix socket in that folder, run as a non-root user. Nothing outside the temporary folder is touched, so
 * the tests run the same on a developer machine, in CI and next to any PostgreSQL service that may be running.
 *
 * PostgreSQL refuses to run as root; when the tests run as root (CI does) the server runs as the `postgres` user of
 * Debian's package, or as a `datsis-test` system user created here when that one does not exist.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The superuser that `initdb` creates; it authenticates with `trust` over the loopback interface only. */
const SUPERUSER = 'datsis';

export interface PostgresServer {
  readonly port: number;
  readonly version: string;
  /** A client connected to `database` (default `postgres`); the caller ends it. */
  connect(database?: string): Promise<pg.Client>;
  stop(): Promise<void>;
}

/** Where Debian's postgres binaries are: `DATSIS_PG_BIN`, else the newest /usr/lib/postgresql/N/bin, else PATH. */
export function postgresBinDir(): string | undefined {
  const fromEnv = process.env.DATSIS_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = join(root, version, 'bin');
      if (existsSync(join(bin, 'pg_ctl'))) return bin;
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.slice(0, found.lastIndexOf('/')) : undefined;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL binaries not found: install Debian\'s "postgresql" package or set DATSIS_PG_BIN.');
  const folder = mkdtempSync(join(tmpdir(), 'datsis-pg-'));
  const dataDir = join(folder, 'data');
  const runAs = serverUser();
  if (runAs) chownSync(folder, runAs.uid, runAs.gid);
  const run = (program: string, args: string[]): void => {
    const command = runAs ? ['runuser', '-u', runAs.name, '--', join(bin, program), ...args] : [join(bin, program), ...args];
    execFileSync(command[0]!, command.slice(1), { stdio: 'pipe', cwd: folder });
  };
  try {
    run('initdb', ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--no-sync', '--encoding=UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    run('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', join(folder, 'server.log'), '-o', options]);
    const connect = async (database = 'postgres'): Promise<pg.Client> => {
      const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database });
      await client.connect();
      return client;
    };
    const probe = await connect();
    const version = (await probe.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    await probe.end();
    return {
      port, version, connect,
      stop: async () => {
        try {
          run('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', dataDir]);
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

interface SystemUser { readonly name: string; readonly uid: number; readonly gid: number }

/** Undefined when we are not root (the server then runs as ourselves). */
function serverUser(): SystemUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const name of ['postgres', 'datsis-test']) {
    const user = lookupUser(name);
    if (user) return user;
  }
  execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'datsis-test'], { stdio: 'pipe' });
  const created = lookupUser('datsis-test');
  if (!created) throw new Error('could not create the datsis-test system user');
  return created;
}

function lookupUser(name: string): SystemUser | undefined {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' }).stdout.trim();
  return { name, uid: Number(result.stdout.trim()), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
