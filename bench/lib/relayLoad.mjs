/**
 * The load generator of bench/server-cluster.mjs: raw WebSocket clients speaking the Yjs sync protocol (or
 * Hocuspocus's, which prefixes every message with the document name) to a server from ./clusterServers.mjs,
 * measuring relay latency at a steady rate and throughput of a blast, with the CPU time each costs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { cpuSince, cpuSnapshot } from './services.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ── wire ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Hocuspocus multiplexes documents over one socket: every message starts with the document name. */
function frame(protocol, doc, write) {
  const e = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(e, `bench/playbook/${doc}`);
  write(e);
  return encoding.toUint8Array(e);
}

const updateFrame = (protocol, doc, update) =>
  frame(
    protocol,
    doc,
    (e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)),
  );

/**
 * The Yjs update a received frame carries (sync step 2 or update), or null. Readers count characters, not
 * frames: a server may merge several updates into one frame (Duet's nodes forward one merged update per
 * stored batch to each other).
 */
function updateOf(protocol, data) {
  const d = decoding.createDecoder(new Uint8Array(data));
  if (protocol === 'hocuspocus') decoding.readVarString(d);
  if (decoding.readVarUint(d) !== 0) return null;
  const step = decoding.readVarUint(d);
  return step === 1 || step === 2 ? decoding.readVarUint8Array(d) : null;
}

/**
 * Opens a client; a Hocuspocus client authenticates and sends its sync step 1 as HocuspocusProvider does.
 * `onText(length)` is called with the length of text `t` as of every received update.
 */
function open(server, doc, write, onText = () => {}) {
  const url = write ? server.writeUrl(doc) : server.readUrl(doc);
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = 'nodebuffer';
    let length = 0;
    ws.on('message', (data) => {
      const update = updateOf(server.protocol, data);
      if (update === null) return;
      // Only the writer inserts, one character per clock tick: the highest clock an update reaches is the text's
      // length once it is in. Read from the update's header instead of applying it to a copy, so that the load
      // generator's own work (4,500 receptions a second) stays small beside the servers' it measures.
      for (const clock of Y.parseUpdateMeta(update).to.values()) length = Math.max(length, clock);
      onText(length);
    });
    ws.once('open', () => {
      if (server.protocol === 'hocuspocus') {
        ws.send(
          frame(
            'hocuspocus',
            doc,
            (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, 'bench')),
          ),
        );
        ws.send(
          frame(
            'hocuspocus',
            doc,
            (e) => (
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint(e, 0),
              encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()))
            ),
          ),
        );
      }
      done(ws);
    });
    ws.once('error', fail);
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

// ── measurements ───────────────────────────────────────────────────────────────────────────────────────────

/**
 * CPU ms the server's processes and `services()` (PostgreSQL + Redis) use between `start()` and `stop()`
 * (connecting the clients is left out: it is not what the figures compare).
 */
function cpuMeter(server, services) {
  let before = null;
  return {
    start: () => (before = { server: cpuSnapshot(server.pids?.() ?? []), services: cpuSnapshot(services()) }),
    stop: () => ({
      server: cpuSince(before.server, server.pids?.() ?? []),
      services: cpuSince(before.services, services()),
    }),
  };
}

/**
 * Seconds of traffic at the measured rate that a freshly started server relays before its measured window.
 * A Node server's JIT keeps compiling for longer than one might think: with 1 s of warm-up the reference
 * still spent 60 ms and Duet 150 ms of V8's helper threads' CPU (optimizing compiles, seen with
 * `perf record`: TurboFan's passes) inside a 5 s window, on the same two cores as the server and the load
 * generator; `--trace-opt` counted 84 and 141 more compilations in a 13 s run than in a 2 s one. After 20–30 s
 * the helper threads used 0–30 ms a window, and every server's p99 fell by about half (the reference's
 * 1.55–1.65 → 0.73–0.92 ms). A server in use has long since warmed up, so that is what is measured.
 */
export const WARMUP_SECONDS = 20;

/**
 * 100 rooms × 10 clients (1 writer, 9 readers) connected to `server`: `warm()` and then `measure()` send
 * 500 updates/s round-robin over the rooms; the latency of each update sent during a measured window lands
 * in that window.
 */
export async function connectRelay(server) {
  const rooms = [];
  for (let r = 0; r < 100; r++) {
    // `windowOf[k]`: the latencies of the k-th update the writer sent (or null: not measured).
    const room = { sent: [], windowOf: [], doc: new Y.Doc(), writer: null, sockets: [], name: `relay-${r}` };
    for (let c = 0; c < 9; c++) {
      let seen = 0;
      // The k-th update the writer sent made the text k characters long.
      const reader = await open(server, room.name, false, (length) => {
        const now = performance.now();
        for (; seen < length; seen++) room.windowOf[seen]?.push(now - room.sent[seen]);
      });
      room.sockets.push(reader);
    }
    room.writer = await open(server, room.name, true);
    room.sockets.push(room.writer);
    rooms.push(room);
  }
  await sleep(500);

  /** Sends 500 updates/s for `seconds`; their latencies go to `window` (an array) or nowhere (null). */
  async function run(seconds, window) {
    const started = performance.now();
    for (let i = 0; i < seconds * 500; i++) {
      const wait = started + i * 2 - performance.now();
      if (wait > 1) await sleep(wait);
      const room = rooms[i % rooms.length];
      let update;
      room.doc.once('update', (u) => (update = u));
      room.doc.getText('t').insert(0, 'x');
      room.windowOf.push(window);
      room.sent.push(performance.now());
      room.writer.send(updateFrame(server.protocol, room.name, update));
    }
    // The last updates arrive.
    await sleep(1000);
  }

  return {
    /** Unmeasured traffic at the measured rate. */
    warm: (seconds = WARMUP_SECONDS) => run(seconds, null),
    /**
     * One measured window of `seconds`: p50/p99 of its latencies (sorted in `latencies`, so windows can be
     * pooled) and the CPU ms of the server's processes and of `servicePids()` (the databases) meanwhile.
     */
    async measure(seconds, servicePids) {
      const latencies = [];
      const meter = cpuMeter(server, servicePids);
      meter.start();
      await run(seconds, latencies);
      const cpu = meter.stop();
      latencies.sort((a, b) => a - b);
      return {
        cpu,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        latencies,
        received: latencies.length,
        expected: seconds * 500 * 9,
      };
    },
    /** Closes every client. */
    close: () => rooms.forEach((room) => room.sockets.forEach((ws) => ws.terminate())),
  };
}

/** p50 and p99 of several rounds' latencies taken together (each round's `latencies`). */
export function pooledPercentiles(rounds) {
  const all = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  return { p50: percentile(all, 50), p99: percentile(all, 99) };
}

/** 20 rooms, one writer sending 500 updates back to back and one listener each; time until all arrived. */
export async function throughput(server, servicePids) {
  const ROOMS = 20;
  const PER_ROOM = 500;
  const lengths = new Array(ROOMS).fill(0);
  let received = 0;
  const writers = [];
  for (let r = 0; r < ROOMS; r++) {
    await open(server, `blast-${r}`, false, (length) => {
      received += length - lengths[r];
      lengths[r] = length;
    });
    writers.push(await open(server, `blast-${r}`, true));
  }
  await sleep(300);
  const frames = writers.map((_, r) => {
    const doc = new Y.Doc();
    const out = [];
    doc.on('update', (u) => out.push(updateFrame(server.protocol, `blast-${r}`, u)));
    for (let i = 0; i < PER_ROOM; i++) doc.getText('t').insert(i, 'y');
    return out;
  });
  const meter = cpuMeter(server, servicePids);
  meter.start();
  const started = performance.now();
  writers.forEach((ws, r) => frames[r].forEach((f) => ws.send(f)));
  const deadline = started + 60_000;
  while (received < ROOMS * PER_ROOM && performance.now() < deadline) await sleep(2);
  const perSecond = (received / (performance.now() - started)) * 1000;
  return { perSecond, received, expected: ROOMS * PER_ROOM, cpu: meter.stop() };
}
