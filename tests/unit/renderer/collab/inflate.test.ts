/**
 * A deflated sync reply is read with the platform's DecompressionStream, and a damaged or oversized one is
 * refused with a readable error instead of being applied in part or filling memory.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflate } from '../../../../renderer/collab/inflate';

describe('inflate', () => {
  it('gives back exactly what the server deflated, across many output chunks', async () => {
    const original = new Uint8Array(3_000_000).map((_, i) => (i * 7919) % 251);
    expect(await inflate(deflateSync(original, { level: 1 }), 10_000_000)).toEqual(original);
  });

  it('refuses output beyond its bound (a bomb: 64 MB of zeros in a few kilobytes)', async () => {
    const bomb = deflateSync(new Uint8Array(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100_000);
    await expect(inflate(bomb, 1024 * 1024)).rejects.toThrow(/exceeds 1048576 bytes/);
  });

  it('refuses bytes that are not deflate data', async () => {
    await expect(inflate(new Uint8Array([1, 2, 3, 4, 5, 6]), 1024)).rejects.toThrow();
  });
});
