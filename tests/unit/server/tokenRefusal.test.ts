// Every token that should not open a document is refused during the HTTP upgrade, before the server loads
// or creates anything; a revoked member already connected is disconnected.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRaw, waitForFrame } from './helpers/clients';
import { decodeClaims, forgeToken, readSecret } from './helpers/forgeToken';
import { buildServerOnce, invite, runCli, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

let server: ServerProcess;
let good: string;
let secret: Buffer;
const DOC = 'acme/playbook/p1';

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  good = invite(data, 'acme', 'Stella', 'storyteller');
  server = await startServer(data, 0, ['--allow-origin', 'app://duet,http://localhost:5173']);
  secret = readSecret(data);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function status(path: string, token: string | null, headers: Record<string, string> = {}): Promise<number> {
  const result = await connectRaw(server.url, path, token, headers);
  if ('status' in result) return result.status;
  result.ws.close();
  return 101;
}

async function loadedDocs(): Promise<number> {
  const health = (await (await fetch(`${server.httpUrl}/healthz`)).json()) as { docs: number };
  return health.docs;
}

describe('a connection without a valid token for the workspace never opens a document', () => {
  it('the secret is created on first run with mode 0600', () => {
    expect(statSync(join(server.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
  });

  it('refuses missing, malformed, forged, expired and foreign tokens with 401/403', async () => {
    const claims = decodeClaims(good);
    const now = Math.floor(Date.now() / 1000);
    const [payload, signature] = good.split('.') as [string, string];
    const cases: [string, string | null, number][] = [
      ['missing', null, 401],
      ['empty', '', 401],
      ['garbage', 'not-a-token', 401],
      ['three parts', `${good}.x`, 401],
      ['huge', 'a'.repeat(5000), 401],
      ['signed with another secret', forgeToken(randomBytes(32), claims), 401],
      [
        'payload swapped',
        `${Buffer.from(JSON.stringify({ ...claims, role: 'storyteller', mid: 'x' })).toString('base64url')}.${signature}`,
        401,
      ],
      ['signature truncated', `${payload}.${signature.slice(0, 10)}`, 401],
      ['expired', forgeToken(secret, { ...claims, exp: now - 1 }), 401],
      ['unknown member', forgeToken(secret, { ...claims, mid: 'nobody' }), 401],
      ['extra claim', forgeToken(secret, { ...claims, admin: true }), 401],
      ['other workspace', forgeToken(secret, { ...claims, ws: 'globex' }), 403],
    ];
    for (const [name, token, expected] of cases) {
      expect(await status(DOC, token), name).toBe(expected);
    }
    expect(await status('globex/playbook/p1', good), 'token of acme on globex').toBe(403);
    expect(await loadedDocs()).toBe(0);
  });

  it('refuses unknown document paths and foreign origins', async () => {
    expect(await status('acme/secrets/p1', good)).toBe(404);
    expect(await status('acme/playbook/../../etc', good)).toBe(404);
    expect(await status('acme', good)).toBe(404);
    expect(await status(DOC, good, { Origin: 'https://evil.example' })).toBe(403);
    expect(await status(DOC, good, { Origin: 'app://duet' })).toBe(101);
  });

  it('refuses a revoked token, and disconnects its open connections', async () => {
    const data = server.dataDir;
    const token = invite(data, 'acme', 'Rita', 'sales');
    const open = await connectRaw(server.url, DOC, token);
    if ('status' in open) throw new Error(`refused ${open.status}`);
    await waitForFrame(open, (b) => b[0] === 101);
    const lines = runCli(['revoke', '--data', data, '--token', token]);
    expect(lines.at(-1)).toMatch(/revoked/);
    expect((await open.closed).code).toBe(4403);
    expect(await status(DOC, token)).toBe(403);
    const listed = runCli(['members', '--data', data, '--workspace', 'acme']).join('\n');
    expect(listed).toMatch(/sales\trevoked\t.*\tRita/);
    expect(listed).toMatch(/storyteller\tactive\t.*\tStella/);
  });

  it('counts refusals by reason in /metrics', async () => {
    const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
    expect(text).toMatch(/duet_refused_upgrades_total\{reason="missing-token"\} 2/);
    expect(text).toMatch(/duet_refused_upgrades_total\{reason="revoked"\} 1/);
    expect(text).toMatch(/duet_refused_upgrades_total\{reason="other-workspace"\} 2/);
  });
});
