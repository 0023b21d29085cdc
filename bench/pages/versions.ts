/**
 * Benchmarks of playbook versions on the 200-narrative benchmark playbook, each beside the same-run baseline
 * of the bare `Y.encodeStateAsUpdate` + `Y.applyUpdate` of that playbook's document:
 * - save a version: capture the editor's content, find what changed since the previous version, deflate,
 *   write record and blob into the versions document;
 * - open history: load a versions document holding 500 versions and list them (no content inflated);
 * - compare two versions: inflate both (not cached) and diff them narrative by narrative;
 * - restore one narrative: the editor update that replaces it, synced into the bound Y.Doc.
 * Exposes `window.duetVersionsBench.run()` → medians in ms.
 */
import * as Y from 'yjs';
import { readVersions } from '@shared/collab/versions';
import { compareVersions } from '@shared/versions/compareVersions';
import { contentNarratives, type VersionContent } from '@shared/versions/versionContent';
import { createPlaybookDoc, withHeadlessPlaybook } from '../../renderer/editor/headless';
import { $setNarrativeFields } from '../../renderer/editor/narrativeOps';
import { $captureContent, $restoreNarrative } from '../../renderer/features/versions/contentOps';
import { VersionLibrary } from '../../renderer/features/versions/VersionLibrary';
import { generatedPlaybook } from './playbookSpecs';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function run() {
  const playbook = createPlaybookDoc(generatedPlaybook(200, 3));

  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(
      await time(() => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(playbook));
        copy.destroy();
      }),
    );
  }

  // Save: each run edits one narrative first (untimed), so every version has a real change to find.
  const versionsDoc = new Y.Doc();
  const library = new VersionLibrary(versionsDoc);
  const save: number[] = [];
  const restore: number[] = [];
  withHeadlessPlaybook(playbook, () => {}); // warm up the headless editor code paths
  const captured: VersionContent[] = [];
  const editor = withHeadlessPlaybook(playbook, () => {});
  for (let i = 0; i < RUNS; i++) {
    editor.update(() => void $setNarrativeFields(`bench-n${i + 1}`, { persona: `Edited ${i}` }), { discrete: true });
    save.push(
      await time(async () => {
        const content = editor.getEditorState().read($captureContent);
        const result = await library.save({ content, name: `Version ${i + 1}`, author: 'Bench', kind: 'manual' });
        if (!result.ok || result.value === null) throw new Error('[bench] version not saved');
        captured.push(content);
      }),
    );
  }

  // Open history: a versions document with 500 versions, loaded and listed.
  const big = new Y.Doc();
  const bigLibrary = new VersionLibrary(big);
  const template = captured[0]!;
  for (let i = 0; i < 500; i++) {
    const content = structuredClone(template);
    contentNarratives(content)[i % 200]!.persona = `History ${i}`;
    const result = await bigLibrary.save({ content, name: `V${i}`, author: 'Bench', kind: 'daily' }, i + 1);
    if (!result.ok) throw new Error('[bench] history version not saved');
  }
  const bigBytes = Y.encodeStateAsUpdate(big);
  const openHistory: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    openHistory.push(
      await time(() => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, bigBytes);
        if (readVersions(doc).length !== 500) throw new Error('[bench] history incomplete');
        doc.destroy();
      }),
    );
  }

  // Compare two versions (a fresh library each run, so both blobs are inflated).
  const ids = library.list().map((v) => v.id);
  const compare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    compare.push(
      await time(async () => {
        const fresh = new VersionLibrary(versionsDoc);
        const [a, b] = await Promise.all([fresh.load(ids[0]!), fresh.load(ids[ids.length - 1]!)]);
        const result = compareVersions(a!, b!);
        if (result.counts.changed === 0) throw new Error('[bench] compare found nothing');
      }),
    );
  }

  // Restore one narrative through a Yjs-bound editor, alternating between two versions so each run changes it.
  withHeadlessPlaybook(playbook, (bound) => {
    for (let i = 0; i < RUNS; i++) {
      const from = captured[i % 2 === 0 ? 0 : 1]!;
      const start = performance.now();
      bound.update(() => void $restoreNarrative(from, 'bench-n1'), { discrete: true });
      restore.push(performance.now() - start);
    }
  });

  return {
    baseline: median(baseline),
    save: median(save),
    openHistory: median(openHistory),
    compare: median(compare),
    restore: median(restore),
    historyBytes: bigBytes.length,
    versionBytes: Math.round(bigBytes.length / 500),
  };
}

declare global {
  interface Window {
    duetVersionsBench?: { run: typeof run };
  }
}
window.duetVersionsBench = { run };
