// kill -9 at random moments while a writer streams edits (SQLite storage): after each restart on the same
// --data, every update that any client had received from the server — relayed to a listener, or
// acknowledged as stored to the writer — is still there. Then the writer reconnects and everything it ever
// wrote gets stored. The scenario itself is in helpers/killScenario.ts.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runKillScenario } from './helpers/killScenario';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const KILLS = Number(process.env.DUET_KILLS ?? 24);
let server: ServerProcess;
let token: string;
let data: string;

beforeAll(async () => {
  buildServerOnce();
  data = tempDataDir();
  token = invite(data, 'acme', 'Stella', 'storyteller');
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('durability under kill -9', () => {
  it(`loses nothing any client received, across ${KILLS} kills`, async () => {
    const seed = Number(process.env.DUET_SEED ?? 20240601);
    server = await runKillScenario({ server, data, token, doc: 'acme/playbook/durable', kills: KILLS, seed });
  }, 180_000);
});
