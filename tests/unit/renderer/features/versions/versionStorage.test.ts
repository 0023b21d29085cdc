// Versions live in their own document: a small record per version for the history list, the compressed
// content beside it. 500 versions of the 200-narrative benchmark playbook fit in 50 MB, hostile blobs are
// refused, and a peer's copy of the document lists the same versions.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generatedPlaybook } from '../../../../../bench/pages/playbookSpecs';
import { createPlaybookDoc, readPlaybookDoc } from '../../../../../renderer/editor/headless';
import { $captureContent } from '../../../../../renderer/features/versions/contentOps';
import { addVersion, readVersionBlob, readVersions, versionLabel } from '../../../../../shared/collab/versions';
import { deflateBytes } from '../../../../../shared/deflate';
import {
  contentNarratives,
  decodeVersionContent,
  encodeVersionContent,
  type VersionContent,
} from '../../../../../shared/versions/versionContent';

const meta = (id: string, createdAt: number) => ({
  id,
  name: `Version ${id}`,
  note: '',
  author: 'Dana',
  createdAt,
  kind: 'manual' as const,
  changed: ['bench-n1'],
  removed: [],
  narrativeCount: 200,
});

describe('storing versions', () => {
  it('500 versions of the 200-narrative benchmark playbook take at most 50 MB', async () => {
    const content = readPlaybookDoc(createPlaybookDoc(generatedPlaybook(200, 3)), $captureContent);
    expect(contentNarratives(content)).toHaveLength(200);
    const doc = new Y.Doc();
    for (let i = 0; i < 500; i++) {
      // Each version differs a little from the one before, as versions of a playbook do.
      const edited = structuredClone(content) as VersionContent;
      const narrative = contentNarratives(edited)[i % 200]!;
      narrative.persona = `Persona edited in version ${i}`;
      addVersion(doc, meta(`v${i}`, i), await encodeVersionContent(edited));
    }
    const bytes = Y.encodeStateAsUpdate(doc).length;
    console.log(`[versions] 500 versions: ${(bytes / 1e6).toFixed(1)} MB`);
    expect(bytes).toBeLessThanOrEqual(50 * 1024 * 1024);
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const listed = readVersions(peer);
    expect(listed).toHaveLength(500);
    expect(versionLabel(listed, 'v42')).toBe('v43');
    const blob = readVersionBlob(peer, 'v499')!;
    const decoded = (await decodeVersionContent(blob))!;
    expect(contentNarratives(decoded)[499 % 200]!.persona).toBe('Persona edited in version 499');
  }, 60_000);

  it('invalid records are not listed, and malformed or oversized content blobs decode to nothing', async () => {
    const doc = new Y.Doc();
    doc.getMap('versions').set('bad', { name: '', createdAt: 'yesterday' });
    doc.getMap('versions').set('../x', meta('x', 1));
    expect(readVersions(doc)).toEqual([]);
    expect(await decodeVersionContent(new Uint8Array([1, 2, 3, 4]))).toBeNull();
    expect(await decodeVersionContent(new Uint8Array([9, ...(await deflateBytes(new Uint8Array([123])))]))).toBeNull();
    const json = (value: unknown) => deflateBytes(new TextEncoder().encode(JSON.stringify(value)));
    const withFormat = async (value: unknown) => new Uint8Array([1, ...(await json(value))]);
    expect(await decodeVersionContent(await withFormat({ blocks: 'nope' }))).toBeNull();
    const twice = { type: 'narrative', narrativeId: 'same', children: [] };
    expect(await decodeVersionContent(await withFormat({ blocks: [twice, twice] }))).toBeNull();
    let deep: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 40; i++) deep = { type: 'paragraph', children: [deep] };
    expect(await decodeVersionContent(await withFormat({ blocks: [deep] }))).toBeNull();
    // A bomb: a few kilobytes that inflate past the limit.
    const bomb = new Uint8Array([1, ...(await deflateBytes(new Uint8Array(9 * 1024 * 1024).fill(32)))]);
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await decodeVersionContent(bomb)).toBeNull();
  });
});
