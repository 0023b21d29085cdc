/**
 * The commands of the sync server (see cli.ts for the forms).
 */
import { parseArgs } from 'node:util';
import type { Result } from '@shared/result';
import { runCrmCommand } from './cli/crmCommands';
import { changeRole, invite, listMembers, revoke } from './cli/memberCommands';
import { startSyncServer } from './http/startSyncServer';
import type { Broadcaster } from './storage/Broadcaster';
import type { ServerStores } from './storage/ServerStores';

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  web: { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'max-connections': { type: 'string' },
  fsync: { type: 'boolean' },
  storage: { type: 'string' },
  'database-url': { type: 'string' },
  redis: { type: 'string' },
  workspace: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  'expires-in-days': { type: 'string' },
  member: { type: 'string' },
  token: { type: 'string' },
  email: { type: 'string' },
} as const;

function print(result: Result<string[]>): void {
  if (!result.ok) {
    console.error(`[sync-server] ${result.error.message}`);
    process.exitCode = 2;
    return;
  }
  for (const line of result.value) console.log(line);
}

function integer(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

function storeKind(value: string | undefined): 'sqlite' | 'files' | 'auto' {
  if (value === undefined || value === 'sqlite' || value === 'files' || value === 'auto') return value ?? 'auto';
  throw new Error('--storage must be sqlite, files or auto');
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

/** A cluster node's shared stores and fan-out, from the flags or DUET_DATABASE_URL / DUET_REDIS_URL. */
async function openCluster(values: Values): Promise<{ stores?: ServerStores; broadcaster?: Broadcaster }> {
  const databaseUrl = values['database-url'] ?? (process.env.DUET_DATABASE_URL || undefined);
  const redisUrl = values.redis ?? (process.env.DUET_REDIS_URL || undefined);
  if (databaseUrl === undefined) {
    if (redisUrl !== undefined) throw new Error('--redis needs --database-url: the nodes of a cluster share one store');
    return {};
  }
  if (values.storage !== undefined || values.data !== undefined) {
    throw new Error('--database-url keeps everything in PostgreSQL: leave out --data and --storage');
  }
  // Loaded only here, so a single-node server never loads pg or ioredis.
  const { openPostgresStores } = await import('./storage/postgres/openPostgresStores');
  const stores = await openPostgresStores({ databaseUrl });
  if (redisUrl === undefined) return { stores };
  const { RedisBroadcaster } = await import('./storage/RedisBroadcaster');
  return { stores, broadcaster: new RedisBroadcaster(redisUrl) };
}

async function serve(values: Values) {
  const cluster = await openCluster(values);
  const server = await startSyncServer({
    ...cluster,
    dataDir: values.data ?? './duet-data',
    host: values.host ?? '127.0.0.1',
    port: integer(values.port, 4455, 'port'),
    webRoot: values.web,
    allowedOrigins: (values['allow-origin'] ?? []).flatMap((o) => o.split(',')).filter(Boolean),
    maxConnections: integer(values['max-connections'], 10_000, 'max-connections'),
    fsync: values.fsync ?? false,
    storeKind: storeKind(values.storage),
  });
  console.log(
    `[sync-server] listening on ${server.url} (health: ${server.url.replace('ws:', 'http:')}/healthz, storage: ${server.storeKind}${cluster.broadcaster ? ', fan-out: redis' : ''})`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[sync-server] ${signal}: closing connections and flushing storage`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('[sync-server] shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/**
 * Parses a command line the way `runCli` does: strictly (an unknown option throws), so deployment files can
 * be checked against it (tests/unit/server/deployFiles.test.ts).
 */
export function parseCommandLine(args: string[]): { command: string; values: Values } {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  if (positionals.length > 1) throw new Error(`unexpected argument ${positionals[1]}`);
  return { command: positionals[0] ?? 'serve', values };
}

/** Runs one command line (`process.argv.slice(2)`); `serve` resolves once listening and runs until a signal. */
export async function runCli(args: string[]): Promise<void> {
  // `crm` has verbs and provider-specific flags of its own (server/cli/crmCommands.ts).
  if (args[0] === 'crm') return print(await runCrmCommand(args.slice(1)));
  const { command, values } = parseCommandLine(args);
  if (command === 'serve') return serve(values);
  if (command === 'invite') return print(await invite(values));
  if (command === 'revoke') return print(await revoke(values));
  if (command === 'members') return print(await listMembers(values));
  if (command === 'role') return print(await changeRole(values));
  throw new Error(`unknown command ${command} (serve, invite, revoke, role, members, crm)`);
}
