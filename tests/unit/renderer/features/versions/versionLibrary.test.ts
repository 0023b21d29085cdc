// Saving versions: each knows which narratives changed since the one before, automatic saves skip when
// nothing changed, names are validated, and a deal logged now records each narrative's version in force.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlaybookDoc, readPlaybookDoc, withHeadlessPlaybook } from '../../../../../renderer/editor/headless';
import { $setNarrativeFields } from '../../../../../renderer/editor/narrativeOps';
import { $captureContent } from '../../../../../renderer/features/versions/contentOps';
import { VersionLibrary } from '../../../../../renderer/features/versions/VersionLibrary';
import type { DealInput } from '../../../../../shared/domain/deal';

function playbook(): Y.Doc {
  return createPlaybookDoc({
    intro: [],
    narratives: ['a', 'b'].map((id) => ({ id, title: `Title ${id}`, keyMessage: `Key ${id}`, body: [] })),
  });
}

const deal = (ids: string[]): DealInput => ({
  account: 'Globex',
  dealName: '',
  crmId: '',
  amount: 0,
  currency: 'EUR',
  stage: '',
  persona: '',
  outcome: 'won',
  competitor: '',
  closeDate: '2026-01-01',
  narratives: ids.map((narrativeId) => ({ narrativeId, reception: 'neutral' })),
  note: '',
  perspective: 'rep',
});

describe('the version library', () => {
  it('records which narratives changed since the previous version, and skips empty automatic saves', async () => {
    const doc = playbook();
    const library = new VersionLibrary(new Y.Doc());
    const capture = () => readPlaybookDoc(doc, $captureContent);
    const first = await library.save({ content: capture(), name: 'First', author: 'Dana', kind: 'manual' }, 1000);
    expect(first.ok && first.value).toMatchObject({
      name: 'First',
      changed: ['a', 'b'],
      removed: [],
      narrativeCount: 2,
    });

    const same = await library.save({
      content: capture(),
      name: 'Daily',
      author: 'Dana',
      kind: 'daily',
      onlyIfChanged: true,
    });
    expect(same).toEqual({ ok: true, value: null });

    withHeadlessPlaybook(doc, (editor) =>
      editor.update(() => void $setNarrativeFields('b', { status: 'approved' }), { discrete: true }),
    );
    const second = await library.save({ content: capture(), name: 'Approved', author: 'Dana', kind: 'approval' }, 2000);
    expect(second.ok && second.value).toMatchObject({ changed: ['b'], kind: 'approval' });
    expect(library.list().map((v) => v.name)).toEqual(['First', 'Approved']);

    const blank = await library.save({ content: capture(), name: '   ', author: 'Dana', kind: 'manual' });
    expect(blank.ok).toBe(false);

    // A deal logged now counts for "a" as of v1 (unchanged since) and for "b" as of v2.
    const stamped = library.stampDeal(deal(['a', 'b', 'unversioned']), 3000);
    const [v1, v2] = library.list();
    expect(stamped.narratives).toEqual([
      { narrativeId: 'a', reception: 'neutral', versionId: v1!.id },
      { narrativeId: 'b', reception: 'neutral', versionId: v2!.id },
      { narrativeId: 'unversioned', reception: 'neutral' },
    ]);
  });

  it('a version saved on one device is listed and readable on another', async () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u));
    const content = readPlaybookDoc(playbook(), $captureContent);
    await new VersionLibrary(a).save({ content, name: 'Shared', note: 'For the team', author: 'Dana', kind: 'manual' });
    const other = new VersionLibrary(b);
    expect(other.list()).toHaveLength(1);
    expect(await other.load(other.list()[0]!.id)).toEqual(content);
  });
});
