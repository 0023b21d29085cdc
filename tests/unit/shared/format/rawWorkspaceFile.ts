/**
 * Builds `.duet` bytes by hand, following the documented layout, so tests can write files that the encoder
 * refuses to produce (foreign document names, duplicates, bodies that are not Yjs) yet carry valid checksums.
 * A test in workspaceFile.test.ts proves this builder and the real encoder agree byte for byte.
 */
import { crc32 } from '../../../../shared/format/crc32';

/** One header entry plus its body; `crc`/`length` default to the real values of `body`. */
export interface RawDoc {
  name: string;
  body: Uint8Array;
  crc?: number;
  length?: number;
}

/** Serialises a file with the given header fields and bodies, with a correct trailing checksum. */
export function buildRawFile(options: {
  workspace?: unknown;
  exportedAt?: unknown;
  docs: RawDoc[];
  version?: number;
  headerJson?: string;
}): Uint8Array {
  const headerJson =
    options.headerJson ??
    JSON.stringify({
      workspace: options.workspace ?? { id: 'ws1', name: 'Acme' },
      exportedAt: options.exportedAt ?? 1_700_000_000_000,
      docs: options.docs.map((d) => ({
        name: d.name,
        length: d.length ?? d.body.length,
        crc: d.crc ?? crc32(d.body),
      })),
    });
  const header = new TextEncoder().encode(headerJson);
  const bodyLength = options.docs.reduce((sum, d) => sum + d.body.length, 0);
  const out = new Uint8Array(12 + header.length + bodyLength + 4);
  out.set([0x44, 0x55, 0x45, 0x54, 0x57, 0x53, 0x00], 0);
  out[7] = options.version ?? 1;
  new DataView(out.buffer).setUint32(8, header.length);
  out.set(header, 12);
  let offset = 12 + header.length;
  for (const d of options.docs) {
    out.set(d.body, offset);
    offset += d.body.length;
  }
  return withChecksum(out.subarray(0, offset));
}

/** `content` followed by its CRC-32, i.e. a file whose trailing checksum is right whatever `content` says. */
export function withChecksum(content: Uint8Array): Uint8Array {
  const out = new Uint8Array(content.length + 4);
  out.set(content, 0);
  new DataView(out.buffer).setUint32(content.length, crc32(content));
  return out;
}
