/**
 * `crm connect`, `crm status`, `crm disconnect` (docs/CRM.md). Like the member commands they open the same
 * store as the running server (`--data`, or `--database-url` for a cluster), which picks a change up within
 * seconds. Credentials are sealed before they are stored and never printed.
 */
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { directoryDocName } from '@shared/collab/docNames';
import { readPlaybooks } from '@shared/collab/directory';
import { isValidId } from '@shared/domain/ids';
import { fail, ok, type Result } from '@shared/result';
import { START_CURSOR, type CrmProvider } from '../crm/CrmConnector';
import { sealCredentials } from '../crm/crmSecrets';
import { CRM_PROVIDERS, crmProvider, type CliValues } from '../crm/providers';
import { WAITING_STATUS, type CrmConnection, type CrmSettings } from '../crm/store/CrmStore';
import { openServerStores } from '../storage/openServerStores';
import { openPostgresStores } from '../storage/postgres/openPostgresStores';
import type { ServerStores } from '../storage/ServerStores';
import { membersLocation, type MembersLocation } from './memberCommands';

const SHARED_OPTIONS = {
  data: { type: 'string' },
  'database-url': { type: 'string' },
  workspace: { type: 'string' },
  provider: { type: 'string' },
  playbook: { type: 'string' },
  'narratives-property': { type: 'string' },
  'competitor-field': { type: 'string' },
  'loss-reason-field': { type: 'string' },
  'write-back': { type: 'boolean' },
  'api-base': { type: 'string' },
  'poll-seconds': { type: 'string' },
} as const;

/** Default CRM property for the narratives used. */
export const DEFAULT_NARRATIVES_PROPERTY = 'duet_narratives';

function options(): Record<string, { type: 'string' | 'boolean' }> {
  const all: Record<string, { type: 'string' | 'boolean' }> = { ...SHARED_OPTIONS };
  for (const spec of Object.values(CRM_PROVIDERS))
    for (const [name, { type }] of Object.entries(spec.options)) all[name] = { type };
  return all;
}

async function withStores<T>(location: MembersLocation, run: (stores: ServerStores) => Promise<T>): Promise<T> {
  const stores =
    'databaseUrl' in location
      ? await openPostgresStores({ databaseUrl: location.databaseUrl, poolSize: 2 })
      : await openServerStores(location.dataDir);
  try {
    return await run(stores);
  } finally {
    await stores.close();
  }
}

const text = (values: CliValues, name: string): string | undefined =>
  typeof values[name] === 'string' ? (values[name] as string).trim() : undefined;

/** The playbook to sync into: `--playbook`, or the workspace's only one. */
async function choosePlaybook(
  stores: ServerStores,
  workspace: string,
  wanted: string | undefined,
): Promise<Result<string>> {
  const doc = new Y.Doc();
  for (const row of await stores.storage.load(directoryDocName(workspace))) Y.applyUpdate(doc, row.update);
  const playbooks = readPlaybooks(doc);
  const list = playbooks.map((p) => `${p.id} ("${p.title}")`).join(', ') || 'none yet';
  if (wanted !== undefined) {
    if (!isValidId(wanted)) return fail('invalid-input', 'crm connect: --playbook must be a playbook id');
    if (playbooks.length > 0 && !playbooks.some((p) => p.id === wanted))
      return fail('not-found', `crm connect: ${workspace} has no playbook ${wanted} (playbooks: ${list})`);
    return ok(wanted);
  }
  if (playbooks.length === 1) return ok(playbooks[0]!.id);
  return fail(
    'invalid-input',
    `crm connect: name the playbook whose deal log receives the deals with --playbook ID (playbooks: ${list})`,
  );
}

function readSettings(
  values: CliValues,
  playbookId: string,
  extra: Record<string, string>,
  defaultProperty = DEFAULT_NARRATIVES_PROPERTY,
): Result<CrmSettings> {
  const poll = values['poll-seconds'] === undefined ? 300 : Number(values['poll-seconds']);
  if (!(poll >= 1 && poll <= 86_400)) return fail('invalid-input', 'crm connect: --poll-seconds must be 1–86400');
  const apiBase = text(values, 'api-base') ?? null;
  if (apiBase !== null && !/^https?:\/\/[^\s]+$/.test(apiBase))
    return fail('invalid-input', 'crm connect: --api-base must be an http(s) address');
  const property = text(values, 'narratives-property') ?? defaultProperty;
  if (!/^[A-Za-z0-9_]{1,100}$/.test(property))
    return fail('invalid-input', 'crm connect: --narratives-property must be a property name (letters, digits, _)');
  return ok({
    playbookId,
    narrativesProperty: property,
    competitorField: text(values, 'competitor-field') ?? '',
    lossReasonField: text(values, 'loss-reason-field') ?? '',
    writeBack: values['write-back'] === true,
    apiBase,
    pollSeconds: poll,
    extra,
  });
}

async function connect(values: CliValues, location: MembersLocation): Promise<Result<string[]>> {
  const workspace = text(values, 'workspace');
  if (workspace === undefined || !isValidId(workspace))
    return fail('invalid-input', 'crm connect: --workspace ID is required');
  const providerName = text(values, 'provider') ?? '';
  const spec = crmProvider(providerName);
  if (spec === null)
    return fail('invalid-input', `crm connect: --provider must be one of ${Object.keys(CRM_PROVIDERS).join(', ')}`);
  const flags = spec.readFlags(values);
  if (!flags.ok) return flags;
  return withStores(location, async (stores) => {
    const playbook = await choosePlaybook(stores, workspace, text(values, 'playbook'));
    if (!playbook.ok) return playbook;
    const settings = readSettings(values, playbook.value, flags.value.extra, spec.defaultNarrativesProperty);
    if (!settings.ok) return settings;
    const existing = await stores.crm.get(workspace);
    const same =
      existing !== null &&
      existing.sealedCredentials !== '' &&
      existing.provider === providerName &&
      existing.settings.playbookId === playbook.value;
    const connection: CrmConnection = {
      workspace,
      provider: providerName as CrmProvider,
      settings: settings.value,
      sealedCredentials: sealCredentials(await stores.loadSecret(), workspace, flags.value.credentials),
      // Reconnecting (a new token, other mapping) resumes where the sync stood; another CRM or playbook starts over.
      // Turning write-back on (or connecting with it) backfills what was cited while it was off (CrmSync.ts).
      cursor: {
        ...(same ? existing.cursor : START_CURSOR),
        backfill:
          settings.value.writeBack && (!same || !existing.settings.writeBack || existing.cursor.backfill === true),
      },
      status: { ...WAITING_STATUS, dealsSynced: same ? existing.status.dealsSynced : 0 },
      revision: (existing?.revision ?? 0) + 1,
    };
    await stores.crm.put(connection);
    const s = settings.value;
    return ok([
      `[crm] ${workspace}: ${spec.label} connected to playbook ${s.playbookId} (narratives property ${s.narrativesProperty}, write-back ${s.writeBack ? 'on' : 'off'}, every ${s.pollSeconds} s)`,
      `[crm] the running server starts syncing within seconds${same ? ', resuming where it stood' : ''}; \`crm status\` shows how it goes`,
    ]);
  });
}

function describe(connection: CrmConnection): string {
  const { status, settings } = connection;
  const label = crmProvider(connection.provider)?.label ?? connection.provider;
  const state = connection.sealedCredentials === '' ? 'disconnecting' : status.state;
  const last = status.lastSyncAt === null ? 'never' : new Date(status.lastSyncAt).toISOString();
  const error = status.lastError ? status.lastError.message : '';
  return [
    connection.workspace,
    label,
    settings.playbookId,
    state,
    last,
    status.dealsSynced,
    connection.cursor.since,
    error,
  ].join('\t');
}

async function status(values: CliValues, location: MembersLocation): Promise<Result<string[]>> {
  const workspace = text(values, 'workspace');
  return withStores(location, async (stores) => {
    const rows = (await stores.crm.list()).filter((c) => workspace === undefined || c.workspace === workspace);
    if (rows.length === 0) return ok([`[crm] no CRM connected${workspace ? ` to ${workspace}` : ''}`]);
    return ok(['workspace\tprovider\tplaybook\tstate\tlast sync\tdeals\tcursor\tlast error', ...rows.map(describe)]);
  });
}

async function disconnect(values: CliValues, location: MembersLocation): Promise<Result<string[]>> {
  const workspace = text(values, 'workspace');
  if (workspace === undefined) return fail('invalid-input', 'crm disconnect: --workspace ID is required');
  return withStores(location, async (stores) => {
    const existing = await stores.crm.get(workspace);
    if (existing === null || existing.sealedCredentials === '')
      return fail<string[]>('not-found', `crm disconnect: no CRM is connected to ${workspace}`);
    // The credentials go now; the server clears the app's status and forgets the connection at its next check.
    await stores.crm.put({ ...existing, sealedCredentials: '', revision: existing.revision + 1 });
    return ok([`[crm] ${workspace}: disconnected (credentials deleted); the server stops syncing within seconds`]);
  });
}

/** Runs `crm <connect|status|disconnect> …` and returns the lines to print. */
export async function runCrmCommand(args: string[]): Promise<Result<string[]>> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: options(), allowPositionals: true, strict: true });
  } catch (error) {
    return fail('invalid-input', `crm: ${(error as Error).message}`);
  }
  const [verb, extra] = parsed.positionals;
  if (extra !== undefined) return fail('invalid-input', `crm: unexpected argument ${extra}`);
  const location = membersLocation(parsed.values);
  if (location === null)
    return fail('invalid-input', 'crm: give --data DIR, or --database-url postgres://… for a cluster');
  if (verb === 'connect') return connect(parsed.values, location);
  if (verb === 'status') return status(parsed.values, location);
  if (verb === 'disconnect') return disconnect(parsed.values, location);
  return fail('invalid-input', 'crm: say connect, status or disconnect');
}
