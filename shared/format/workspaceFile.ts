/**
 * The `.duet` workspace file: every document of one workspace in a single, checksummed file.
 *
 * Layout (all integers big-endian):
 *   magic "DUETWS\0" (7 bytes) · format version (1 byte)
 *   header length (u32) · header JSON (UTF-8): workspace, export time, and for each document its name,
 *     byte length and CRC-32
 *   the documents' Yjs updates, concatenated in header order
 *   CRC-32 of everything above (u32)
 *
 * Decoding checks everything before anything is applied, so a corrupt, truncated or foreign file is refused
 * as a whole and the caller has nothing half-imported to undo.
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { parseDocName } from '../collab/docNames';
import { fail, ok, type Result } from '../result';
import { crc32 } from './crc32';

const MAGIC = [0x44, 0x55, 0x45, 0x54, 0x57, 0x53, 0x00]; // "DUETWS\0"
/** The version this code writes; files with a higher version were written by a newer Duet. */
export const WORKSPACE_FILE_VERSION = 1;
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const MAX_DOCS = 10_000;

export { WORKSPACE_FILE_EXTENSION } from './workspaceFileExtension';

const headerSchema = z.object({
  workspace: z.object({
    id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
    name: z.string().check(z.minLength(1), z.maxLength(120)),
  }),
  exportedAt: z.number(),
  docs: z
    .array(z.object({ name: z.string().check(z.maxLength(200)), length: z.int().check(z.nonnegative()), crc: z.int() }))
    .check(z.maxLength(MAX_DOCS)),
});

/** The contents of a workspace file: its workspace and each document's state as one Yjs update. */
export interface WorkspaceSnapshot {
  workspace: { id: string; name: string };
  exportedAt: number;
  docs: Map<string, Uint8Array>;
}

/** Serialises a snapshot. Document names must belong to the snapshot's workspace (a bug otherwise). */
export function encodeWorkspaceFile(snapshot: WorkspaceSnapshot): Uint8Array {
  const names = [...snapshot.docs.keys()].sort();
  for (const name of names) {
    if (parseDocName(name)?.workspaceId !== snapshot.workspace.id) {
      throw new Error(`[format] document ${name} does not belong to workspace ${snapshot.workspace.id}`);
    }
  }
  const bodies = names.map((name) => snapshot.docs.get(name)!);
  const header = new TextEncoder().encode(
    JSON.stringify({
      workspace: snapshot.workspace,
      exportedAt: snapshot.exportedAt,
      docs: names.map((name, i) => ({ name, length: bodies[i]!.length, crc: crc32(bodies[i]!) })),
    }),
  );
  const bodyLength = bodies.reduce((sum, b) => sum + b.length, 0);
  const out = new Uint8Array(8 + 4 + header.length + bodyLength + 4);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[7] = WORKSPACE_FILE_VERSION;
  view.setUint32(8, header.length);
  out.set(header, 12);
  let offset = 12 + header.length;
  for (const body of bodies) {
    out.set(body, offset);
    offset += body.length;
  }
  view.setUint32(offset, crc32(out.subarray(0, offset)));
  return out;
}

/** Reads and fully validates a workspace file. Every failure says what is wrong in words a user can act on. */
export function decodeWorkspaceFile(bytes: Uint8Array): Result<WorkspaceSnapshot> {
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    return fail('foreign-file', 'This is not a Duet workspace file (.duet). Choose a file exported from Duet.');
  }
  const version = bytes[7]!;
  if (version > WORKSPACE_FILE_VERSION) {
    return fail(
      'unsupported-version',
      `This workspace file was written by a newer version of Duet (format ${version}). Update Duet to open it.`,
    );
  }
  if (version === 0 || bytes.length < 16) return fail('corrupt', 'This workspace file is truncated or damaged.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8);
  if (headerLength > MAX_HEADER_BYTES || 12 + headerLength + 4 > bytes.length) {
    return fail('corrupt', 'This workspace file is truncated or damaged (its header does not fit in the file).');
  }
  const stored = view.getUint32(bytes.length - 4);
  if (crc32(bytes.subarray(0, bytes.length - 4)) !== stored) {
    return fail('corrupt', 'This workspace file is damaged or incomplete: its checksum does not match.');
  }
  let headerJson: unknown;
  try {
    headerJson = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    return fail('corrupt', 'This workspace file is damaged: its table of contents cannot be read.');
  }
  const header = headerSchema.safeParse(headerJson);
  if (!header.success) return fail('corrupt', 'This workspace file is damaged: its table of contents is invalid.');
  const { workspace, exportedAt, docs } = header.data;
  const expected = 12 + headerLength + docs.reduce((sum, d) => sum + d.length, 0) + 4;
  if (expected !== bytes.length) {
    return fail('corrupt', 'This workspace file is truncated or has extra data; it was not imported.');
  }
  const out = new Map<string, Uint8Array>();
  let offset = 12 + headerLength;
  for (const entry of docs) {
    const body = bytes.slice(offset, offset + entry.length);
    offset += entry.length;
    if (parseDocName(entry.name)?.workspaceId !== workspace.id || out.has(entry.name)) {
      return fail('corrupt', `This workspace file lists an invalid document (${entry.name.slice(0, 80)}).`);
    }
    if (crc32(body) !== entry.crc) return fail('corrupt', `Document ${entry.name} in this file is damaged.`);
    const check = validateUpdate(body);
    if (check) {
      return fail('corrupt', `Document ${entry.name} in this file cannot be read: ${check}. Nothing was imported.`);
    }
    out.set(entry.name, body);
  }
  return ok({ workspace, exportedAt, docs: out });
}

/**
 * Applies an update to a scratch document; returns a reason, worded for the user, when it is not a readable
 * Yjs update.
 */
export function validateUpdate(update: Uint8Array): string | null {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
    // Structs whose dependencies are missing stay pending: the update is incomplete, not readable on its own.
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
      return 'it is incomplete (some of its changes are missing)';
    }
    return null;
  } catch {
    // The decoder's own message ("contentRefs[…] is not a function") means nothing to the person importing.
    return 'its contents are not in a format Duet understands';
  } finally {
    scratch.destroy();
  }
}
