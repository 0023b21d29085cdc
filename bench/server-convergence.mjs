// The long convergence run of the sync server: the same randomized scenario as the CI test, many more seeds.
//   node bench/server-convergence.mjs --seeds 10000 [--start 1]
// Prints the failing seed (and the vitest output around it) on failure; exit code 1.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '10000' }, start: { type: 'string', default: '1' } },
});
const root = resolve(import.meta.dirname, '..');
const started = Date.now();
const result = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/unit/server/convergence.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, DUET_SEEDS: values.seeds, DUET_SEED_START: values.start } },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `[convergence] ${values.seeds} seeds from ${values.start}: ${result.status === 0 ? 'all converged' : 'FAILED'} in ${seconds}s`,
);
process.exit(result.status ?? 1);
