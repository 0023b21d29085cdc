/**
 * The company benchmark's sync figures (bench/company.mjs runs them): a real sync server process; per size, a
 * writer uploads the seeded notes document and a second client joins it (bench/pages/companyJoin.ts).
 */
import { median, round1 } from './lib/browser.mjs';
import { startSyncServer } from './lib/syncServer.mjs';
import { traced } from './lib/trace.mjs';
import { SIZES } from './companySizes.mjs';

const WORKSPACE = 'bench-ws';
/** `DUET_BENCH_TRACE_JOIN=file.json` records a Chrome trace of the largest size's last join. */
const TRACE_JOIN = process.env.DUET_BENCH_TRACE_JOIN;

/** Per size: the upload's time, the join's (median of three after a warm-up) and where the join's time went. */
export async function syncFigures(bench, url, log) {
  const server = await startSyncServer({ workspace: WORKSPACE, allowOrigin: url.replace(/\/$/, '') });
  try {
    const writer = server.token('storyteller');
    const reader = server.token('viewer');
    const figures = {};
    for (const size of SIZES) {
      // shared/collab/docNames.ts's notesDocName (not imported: Node cannot load its extensionless imports).
      const docName = `${WORKSPACE}/notes/bench-join-${size}`;
      const upload = await bench.evaluate(
        (a) => window.duetCompanyBench.upload(...a),
        [size, server.url, writer, docName],
      );
      const joins = [];
      // The first join is a warm-up (the server loads the document, the page compiles the code), not counted;
      // at every size the figure is the median of three (one 20,000-deal join swung 0.55–0.8 s with the load).
      const count = 4;
      for (let i = 0; i < count; i++) {
        const join = () =>
          bench.evaluate((a) => window.duetCompanyBench.join(...a), [size, server.url, reader, docName]);
        const trace = size === SIZES.at(-1) && i === count - 1 && TRACE_JOIN;
        joins.push(await traced(bench.context().browser(), trace, join, log));
      }
      const counted = joins.slice(1).length ? joins.slice(1) : joins;
      const phases = Object.fromEntries(
        ['wait', 'decode', 'read', 'longest', 'received', 'rejoin', 'rejoinReceived'].map((k) => [
          k,
          round1(median(counted.map((j) => j[k]))),
        ]),
      );
      figures[size] = { upload, join: median(counted.map((j) => j.total)), phases };
      log(
        `company ${size} sync: upload ${round1(upload)} ms, join ${joins.map((j) => round1(j.total)).join(' / ')} ms`,
      );
    }
    return figures;
  } finally {
    await server.stop();
  }
}
