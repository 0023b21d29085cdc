// A sync node loads a large document in slices, serving its other connections in between: a 23 MB notes
// document applied in one task held every room of a restarting node for over a second
// (bench/server-compaction.mjs). The document it ends with is the whole stored one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterEach, expect, it } from 'vitest';
import { Metrics } from '../../../../server/http/Metrics';
import { singleNodeBroadcaster } from '../../../../server/storage/Broadcaster';
import { openSqliteStores } from '../../../../server/storage/openSqliteStores';
import { SharedDoc } from '../../../../server/sync/SharedDoc';

const NAME = 'acme/notes/big';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('gives the event loop turns while it applies a large stored document, and loads all of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duet-load-'));
  dirs.push(dir);
  const stores = openSqliteStores(dir);
  const source = new Y.Doc();
  source.transact(() => {
    for (let i = 0; i < 8_000; i++) source.getMap('dealEntries').set(`d${i}`, `{"note":"${'n'.repeat(400)} ${i}"}`);
  });
  await stores.storage.append(NAME, [Y.encodeStateAsUpdate(source)]); // ~3.5 MB in one row

  let turns = 0;
  let loading = true;
  const turn = (): void => {
    turns++;
    if (loading) setImmediate(turn);
  };
  setImmediate(turn);
  const shared = await SharedDoc.load(NAME, {
    storage: stores.storage,
    broadcaster: singleNodeBroadcaster,
    metrics: new Metrics(),
    compactEvery: 500,
  });
  loading = false;
  // Half a megabyte (or 12 ms) per slice: several turns for other connections while it loaded.
  expect(turns).toBeGreaterThanOrEqual(5);
  const loaded = shared.doc.getMap('dealEntries');
  expect(loaded.size).toBe(8_000);
  expect(loaded.toJSON()).toEqual(source.getMap('dealEntries').toJSON());
  shared.destroy();
  await stores.close();
});
