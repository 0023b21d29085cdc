/**
 * Yjs decoders have hung or exhausted memory on crafted input (yjs #479 "garbagedoc", #498 zero-length update,
 * #687 run-length bomb). A workspace file comes from outside, so each such payload, sealed inside an otherwise
 * valid file, must be answered quickly. Decoding runs in a worker: a hang fails the test instead of the runner.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeInWorker, removeWorkerBundle, type WorkerOutcome } from './decodeInWorker';
import { buildRawFile } from './rawWorkspaceFile';

/** How long decoding one hostile document may take, and when the worker counts as hung. */
const DECODE_BUDGET_MS = 1_000;
const HANG_AFTER_MS = 10_000;

const varUint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n % 0x80));
    n = Math.floor(n / 0x80);
  }
  return [...out, n];
};

/** yjs #687: a V2 update whose run-length streams repeat forever while it claims `structs` GC structs. */
function rleBomb(structs: number): Uint8Array {
  return new Uint8Array([
    0, // feature flag
    0, // key clocks
    1,
    0, // clients: client 0
    0, // left clocks
    0, // right clocks
    1,
    0, // infos: GC, repeated forever once the stream is exhausted
    1,
    0, // strings: ""
    0, // parent infos
    0, // type refs
    6,
    0x41,
    ...varUint(2 ** 32 - 1), // lengths: 1, in a run of 2^32
    1,
    ...varUint(structs),
    0, // one client with `structs` structs from clock 0
    0, // no deletions
  ]);
}
const RLE_BOMB = rleBomb(2 ** 32 - 1);

const HOSTILE_BODIES: Record<string, Uint8Array> = {
  'yjs #479: base64 of "garbagedoc"': new Uint8Array(Buffer.from('garbagedoc', 'base64')),
  'yjs #498: a zero-length update': new Uint8Array(),
  'a varint that never ends': new Uint8Array([0x80]),
  'a varint longer than 53 bits': new Uint8Array(12).fill(0xff),
  'a state-update count of 2^32': new Uint8Array(varUint(2 ** 32 - 1)),
  'a struct count of 2^32-1 with one struct present': new Uint8Array([1, ...varUint(2 ** 32 - 1), 1, 0, 0, 1]),
  'a struct count too large for an array': new Uint8Array([1, ...varUint(2 ** 40), 1, 0, 0, 1]),
  'a string claiming 2 GiB': new Uint8Array([1, 1, 1, 0, 4, 1, 1, 0x61, ...varUint(2 ** 31)]),
  'binary content claiming 4 GiB': new Uint8Array([1, 1, 1, 0, 3, 1, 1, 0x61, ...varUint(2 ** 32 - 1)]),
  'a GC run of 2^40 followed by garbage': new Uint8Array([1, 1, 1, 0, 0, ...varUint(2 ** 40), 0xff]),
  'a delete set over 2^32 clients': new Uint8Array([0, ...varUint(2 ** 32 - 1), 1]),
};

function fileWith(body: Uint8Array): Uint8Array {
  return buildRawFile({ docs: [{ name: 'ws1/playbook/p1', body }] });
}

function expectAnsweredInTime(outcome: WorkerOutcome): asserts outcome is Exclude<WorkerOutcome, { hung: true }> {
  expect('hung' in outcome, 'decoding did not finish').toBe(false);
  if (!('hung' in outcome)) expect(outcome.ms).toBeLessThan(DECODE_BUDGET_MS);
}

afterAll(removeWorkerBundle);

describe('hostile documents inside a workspace file are refused promptly', () => {
  it('the #687 payload is a real bomb: a few bytes decode as V2 into as many structs as they claim', () => {
    const small = rleBomb(100_000);
    expect(small.length).toBeLessThan(32);
    expect(Y.decodeUpdateV2(small).structs).toHaveLength(100_000);
  });

  for (const [label, body] of Object.entries(HOSTILE_BODIES)) {
    it(label, async () => {
      const outcome = await decodeInWorker(fileWith(body), HANG_AFTER_MS);
      expectAnsweredInTime(outcome);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) {
        expect(outcome.error.code).toBe('corrupt');
        expect(outcome.error.message).toMatch(/^Document ws1\/playbook\/p1 in this file cannot be read: .*\.$/);
      }
    });
  }

  it('yjs #687: a run-length bomb is answered in time and yields no content (files are read as V1)', async () => {
    const outcome = await decodeInWorker(fileWith(RLE_BOMB), HANG_AFTER_MS);
    expectAnsweredInTime(outcome);
    if (outcome.ok) expect(outcome.docs).toEqual([['ws1/playbook/p1', 0]]);
    else expect(outcome.error.code).toBe('corrupt');
  });

  it('a header claiming a 4 GiB table of contents or a 4 GiB document is refused without allocating it', async () => {
    const huge = buildRawFile({ docs: [{ name: 'ws1/playbook/p1', body: new Uint8Array([0, 0]), length: 2 ** 32 }] });
    const hugeHeader = fileWith(new Uint8Array([0, 0]));
    new DataView(hugeHeader.buffer).setUint32(8, 0xffffffff);
    for (const file of [huge, hugeHeader]) {
      const outcome = await decodeInWorker(file, HANG_AFTER_MS);
      expectAnsweredInTime(outcome);
      expect(outcome.ok).toBe(false);
    }
  });
});
