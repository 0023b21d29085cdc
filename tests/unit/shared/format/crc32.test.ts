import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../../shared/format/crc32';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Deterministic bytes, so a failure can be reproduced. */
function pseudoRandomBytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state >>> 24;
  }
  return out;
}

describe('the checksum that guards workspace files', () => {
  it('matches the published CRC-32 check values, so other tools can verify a .duet file', () => {
    expect(crc32(new Uint8Array())).toBe(0);
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(text('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    expect(crc32(new Uint8Array([0]))).toBe(0xd202ef8d);
    expect(crc32(new Uint8Array(32).fill(0xff))).toBe(0xff6cab0b);
  });

  it('agrees with zlib on inputs of many sizes', () => {
    for (const length of [1, 2, 3, 7, 8, 255, 256, 1000, 65_537]) {
      const bytes = pseudoRandomBytes(length, length);
      expect(crc32(bytes), `length ${length}`).toBe(zlibCrc32(bytes));
    }
  });

  it('is always an unsigned 32-bit number', () => {
    for (let seed = 0; seed < 200; seed++) {
      const value = crc32(pseudoRandomBytes(seed % 50, seed));
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it('changes when any single bit of the input changes', () => {
    const bytes = pseudoRandomBytes(64, 7);
    const original = crc32(bytes);
    for (let bit = 0; bit < bytes.length * 8; bit++) {
      const damaged = bytes.slice();
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      expect(crc32(damaged), `bit ${bit}`).not.toBe(original);
    }
  });

  it('reads only the bytes of a view, not the rest of its buffer', () => {
    const buffer = pseudoRandomBytes(100, 3);
    const view = buffer.subarray(10, 20);
    expect(crc32(view)).toBe(crc32(buffer.slice(10, 20)));
    expect(crc32(view)).not.toBe(crc32(buffer));
  });
});
