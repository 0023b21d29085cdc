// The kill -9 durability scenario (helpers/killScenario.ts) against the plain-file stores (`--storage files`,
// what the desktop host uses where node:sqlite is missing). The members come from the `invite` command
// writing the file store while the server runs.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKillScenario } from './helpers/killScenario';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const KILLS = Number(process.env.DUET_FILE_KILLS ?? 20);
const FILES = ['--storage', 'files'];
let server: ServerProcess;
let token: string;
let data: string;

beforeAll(async () => {
  buildServerOnce();
  data = tempDataDir();
  server = await startServer(data, 0, FILES);
  token = invite(data, 'acme', 'Stella', 'storyteller');
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('file storage durability under kill -9', () => {
  it('runs on the file stores, and the invite command wrote to them', () => {
    expect(existsSync(join(data, 'members.jsonl'))).toBe(true);
    expect(existsSync(join(data, 'duet.sqlite'))).toBe(false);
  });

  it(`loses nothing any client received, across ${KILLS} kills`, async () => {
    const seed = Number(process.env.DUET_SEED ?? 20240607);
    server = await runKillScenario({
      server,
      data,
      token,
      doc: 'acme/playbook/durable',
      kills: KILLS,
      seed,
      args: FILES,
    });
  }, 180_000);
});
