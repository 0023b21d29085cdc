// What only the file store has to get right: a crash can cut its last write short or leave a half-written
// compaction behind; damage anywhere else must be refused, never papered over.
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DOCS_FOLDER, FileDocStorage } from '../../../../server/storage/FileDocStorage';
import { CorruptLogError } from '../../../../server/storage/updateLog';
import { typedUpdates } from '../helpers/typedUpdates';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duet-files-'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const DOC = 'acme/playbook/p1';

const updatesOf = (rows: { update: Uint8Array }[]) => rows.map((row) => row.update);

/** Writes `count` updates, closes the store and returns them with the path of the log. */
async function writeLog(count: number): Promise<{ written: Uint8Array[]; path: string }> {
  const store = new FileDocStorage(dir);
  const written = typedUpdates(count, (i) => String(i % 10));
  for (const update of written) await store.append(DOC, [update]);
  await store.close();
  const [file] = readdirSync(join(dir, DOCS_FOLDER));
  return { written, path: join(dir, DOCS_FOLDER, file!) };
}

describe('a write cut short by a crash', () => {
  it.each([1, 5, 9])('drops only the torn last frame (%i bytes of it missing) and appends after it', async (cut) => {
    const { written, path } = await writeLog(5);
    truncateSync(path, statSync(path).size - cut);
    const store = new FileDocStorage(dir);
    expect(updatesOf(await store.load(DOC))).toEqual(written.slice(0, 4));
    const more = typedUpdates(7, (i) => String(i % 10)).slice(5);
    for (const update of more) await store.append(DOC, [update]);
    await store.close();
    expect(updatesOf(await new FileDocStorage(dir).load(DOC))).toEqual([...written.slice(0, 4), ...more]);
  });

  it('drops a last frame whose bytes never reached the disk (zeros)', async () => {
    const { written, path } = await writeLog(3);
    appendFileSync(path, Buffer.alloc(40));
    expect(updatesOf(await new FileDocStorage(dir).load(DOC))).toEqual(written);
  });

  it('drops a last frame whose checksum does not match', async () => {
    const { written, path } = await writeLog(3);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(path, bytes);
    expect(updatesOf(await new FileDocStorage(dir).load(DOC))).toEqual(written.slice(0, 2));
  });

  it('treats a log cut inside its header as empty, and writes a fresh one', async () => {
    const { path } = await writeLog(1);
    truncateSync(path, 11);
    const store = new FileDocStorage(dir);
    expect(updatesOf(await store.load(DOC))).toEqual([]);
    const fresh = typedUpdates(2, (i) => String(i % 10));
    for (const update of fresh) await store.append(DOC, [update]);
    expect(updatesOf(await store.load(DOC))).toEqual(fresh);
    await store.close();
  });
});

describe('damage that is not a torn tail', () => {
  it.each([0, 1, 4, 8, 12, 20])(
    'refuses a log damaged at byte %i of its second frame, rather than drop the updates after it',
    async (at) => {
      const { written, path } = await writeLog(5);
      const secondFrame = 8 + 12 + DOC.length + 12 + written[0]!.length;
      const bytes = readFileSync(path);
      bytes[secondFrame + at] = bytes[secondFrame + at]! ^ 0x40;
      writeFileSync(path, bytes);
      await expect(new FileDocStorage(dir).load(DOC)).rejects.toBeInstanceOf(CorruptLogError);
      expect(readFileSync(path)).toEqual(bytes); // and never rewrites it
    },
  );

  it('refuses a file that is not a Duet log', async () => {
    const { path } = await writeLog(1);
    writeFileSync(path, 'PK\u0003\u0004 something else entirely');
    await expect(new FileDocStorage(dir).load(DOC)).rejects.toThrow(/not a Duet update log/);
  });
});

describe('compaction is all or nothing', () => {
  it('leaves the old log in place when a crash interrupts it, and cleans up the unfinished file', async () => {
    const { written, path } = await writeLog(10);
    writeFileSync(`${path}.compacting`, 'half a merged fi');
    const store = new FileDocStorage(dir);
    expect(existsSync(`${path}.compacting`)).toBe(false);
    expect(updatesOf(await store.load(DOC))).toEqual(written);
    expect(await store.compact(DOC)).toEqual({ rowsBefore: 10, rowsAfter: 1 });
    const [merged] = updatesOf(await store.load(DOC));
    expect(merged).toEqual(Y.mergeUpdates(written));
    expect(readdirSync(join(dir, DOCS_FOLDER))).toHaveLength(1);
    await store.close();
  });
});
