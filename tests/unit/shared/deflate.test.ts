/**
 * Raw deflate through the platform's streams: what the server deflates with zlib (a sync reply, level 1) comes
 * back exactly, and a damaged or oversized input is refused instead of being applied in part or filling memory.
 */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateBytes, inflateBytes } from '../../../shared/deflate';

describe('inflateBytes', () => {
  it('gives back exactly what zlib deflated on the server, across many output chunks', async () => {
    const original = new Uint8Array(3_000_000).map((_, i) => (i * 7919) % 251);
    expect(await inflateBytes(deflateRawSync(original, { level: 1 }), 10_000_000)).toEqual(original);
    expect(await inflateBytes(await deflateBytes(original), 10_000_000)).toEqual(original);
  });

  it('refuses output beyond its bound (a bomb: 64 MB of zeros in a few kilobytes)', async () => {
    const bomb = deflateRawSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    expect(await inflateBytes(bomb, 1024 * 1024)).toBeNull();
  });

  it('refuses bytes that are not deflate data', async () => {
    await expect(inflateBytes(new Uint8Array([255, 255, 255, 255, 1, 2]), 1024)).rejects.toThrow();
  });
});
