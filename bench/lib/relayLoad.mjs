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
 * Unmeasured traffic at the measured rate before the window. A server process starts fresh for every round,
 * and its first few hundred ms of relaying run code the JIT has not compiled yet: in the first 300 ms of a
 * round, updates delayed over 2 ms came 3.7–4.6× as often as later for the reference and 4.8–6.0× for
 * Duet (two runs of 8 rounds each). A server in use has long since warmed up.
 */
export const WARMUP_SECONDS = 1;

/**
 * 100 rooms × 10 clients (1 writer, 9 readers); 500 updates/s in total for `WARMUP_SECONDS` + `seconds`,
 * round-robin over rooms; the latencies of the updates sent in the last `seconds` are measured (returned
 * sorted in `latencies`, so rounds can be pooled). `servicePids()` lists the database processes whose CPU
 * time is counted too.
 */
export async function relayLatency(server, seconds, servicePids) {
  const rooms = [];
  const latencies = [];
  for (let r = 0; r < 100; r++) {
    // `measured[k]`: whether the k-th update the writer sent falls in the measured window.
    const room = { sent: [], measured: [], doc: new Y.Doc(), writer: null, name: `relay-${r}` };
    for (let c = 0; c < 9; c++) {
      let seen = 0;
      // The k-th update the writer sent made the text k characters long.
      await open(server, room.name, false, (length) => {
        const now = performance.now();
        for (; seen < length; seen++) if (room.measured[seen]) latencies.push(now - room.sent[seen]);
      });
    }
    room.writer = await open(server, room.name, true);
    rooms.push(room);
  }
  await sleep(500);
  const warmup = WARMUP_SECONDS * 500;
  const total = warmup + seconds * 500;
  const meter = cpuMeter(server, servicePids);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    if (i === warmup) meter.start();
    const wait = started + i * 2 - performance.now();
    if (wait > 1) await sleep(wait);
    const room = rooms[i % rooms.length];
    let update;
    room.doc.once('update', (u) => (update = u));
    room.doc.getText('t').insert(0, 'x');
    room.measured.push(i >= warmup);
    room.sent.push(performance.now());
    room.writer.send(updateFrame(server.protocol, room.name, update));
  }
  await sleep(1000);
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
