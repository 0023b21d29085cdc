// Randomized convergence across the nodes of a cluster: for each seed, five clients spread over two real
// node processes (sharing a real PostgreSQL and Redis) edit, disconnect, reconnect and edit offline, while
// every other batch loses a node to kill -9 (restarted on its port). Every seed must end with identical
// documents on every client and in storage, and no edit lost. A failure names its seed; replay it with
//   DUET_CLUSTER_SEED_START=<seed> DUET_CLUSTER_SEEDS=1 npx vitest run tests/unit/server/cluster/clusterConvergence.test.ts
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeCluster,
  startPostgres,
  startRedis,
  type Postgres,
  type RedisServer,
} from '../helpers/clusterServices';
import { runConvergenceScenario } from '../helpers/convergenceScenario';
import { createPrng } from '../helpers/prng';
import { buildServerOnce, runCli, startClusterNode, type ServerProcess } from '../helpers/serverProcess';

const SEEDS = Number(process.env.DUET_CLUSTER_SEEDS ?? 200);
const FIRST = Number(process.env.DUET_CLUSTER_SEED_START ?? 1);
const BATCH = 25;
const STEPS = 10;
let postgres: Postgres;
let redis: RedisServer;
let databaseUrl: string;
let nodes: ServerProcess[] = [];
let tokens: string[];

const invite = (name: string, role: string) =>
  runCli(['invite', '--database-url', databaseUrl, '--workspace', 'acme', '--name', name, '--role', role]).at(
    -1,
  ) as string;

async function killAfter(ms: number, index: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  const victim = nodes[index] as ServerProcess;
  await victim.stop('SIGKILL');
  nodes[index] = await startClusterNode(databaseUrl, redis.url, victim.port);
}

describeCluster('randomized convergence across cluster nodes', () => {
  beforeAll(async () => {
    buildServerOnce();
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = postgres.url();
    nodes = await Promise.all([1, 2].map(() => startClusterNode(databaseUrl, redis.url)));
    tokens = [invite('Stella', 'storyteller'), invite('Mark', 'marketing')];
  }, 90_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await Promise.all([postgres?.dispose(), redis?.dispose()]);
  });

  it(`${SEEDS} seeds from ${FIRST} converge over two nodes, with node kills, no edit lost`, async () => {
    let kills = 0;
    for (let start = FIRST; start < FIRST + SEEDS; start += BATCH) {
      const seeds = Array.from({ length: Math.min(BATCH, FIRST + SEEDS - start) }, (_, i) => start + i);
      const urls = nodes.map((node) => node.url); // ports survive restarts
      const batch = seeds.map((seed) => runConvergenceScenario(urls, tokens, seed, STEPS));
      const random = createPrng(start);
      if (((start - FIRST) / BATCH) % 2 === 1) batch.push(killAfter(random.int(5, 60), kills++ % 2));
      const results = await Promise.allSettled(batch);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) {
        console.error(`[cluster convergence] failing batch starts at seed ${start}`);
        throw (failed as PromiseRejectedResult).reason;
      }
    }
    expect(kills).toBeGreaterThan(0);
  }, 600_000);
});
