// Randomized convergence: for each seed, five clients edit, disconnect, reconnect and edit offline, while the
// server is restarted (kill -9 or SIGTERM) in some batches. Every seed must end with identical documents on
// every client and in storage, and no edit lost. A failure names its seed; replay it with
//   DUET_SEED_START=<seed> DUET_SEEDS=1 npx vitest run tests/unit/server/convergence.test.ts
// The long run: node bench/server-convergence.mjs --seeds 10000
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConvergenceScenario } from './helpers/convergenceScenario';
import { createPrng } from './helpers/prng';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const SEEDS = Number(process.env.DUET_SEEDS ?? 1000);
const FIRST = Number(process.env.DUET_SEED_START ?? 1);
const BATCH = 25;
const STEPS = 10;
let server: ServerProcess;
let data: string;
let tokens: string[];

beforeAll(async () => {
  buildServerOnce();
  data = tempDataDir();
  tokens = [invite(data, 'acme', 'Stella', 'storyteller'), invite(data, 'acme', 'Mark', 'marketing')];
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

async function restartAfter(ms: number, signal: NodeJS.Signals): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await server.stop(signal);
  server = await startServer(data, server.port);
}

describe('randomized convergence', () => {
  it(`${SEEDS} seeds from ${FIRST} converge with no edit lost`, async () => {
    let restarts = 0;
    for (let start = FIRST; start < FIRST + SEEDS; start += BATCH) {
      const seeds = Array.from({ length: Math.min(BATCH, FIRST + SEEDS - start) }, (_, i) => start + i);
      const batch = seeds.map((seed) => runConvergenceScenario(server.url, tokens, seed, STEPS));
      const random = createPrng(start);
      // Every fourth batch loses its server mid-flight: alternately killed and shut down cleanly.
      const batchIndex = (start - FIRST) / BATCH;
      if (batchIndex % 4 === 1) {
        batch.push(restartAfter(random.int(5, 60), restarts++ % 2 === 0 ? 'SIGKILL' : 'SIGTERM'));
      }
      const results = await Promise.allSettled(batch);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) {
        console.error(`[convergence] failing batch starts at seed ${start}`);
        throw (failed as PromiseRejectedResult).reason;
      }
    }
    expect(restarts).toBeGreaterThan(0);
  }, 600_000);
});
