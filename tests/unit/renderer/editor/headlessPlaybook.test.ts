import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPlaybookDoc, readPlaybookDoc, withHeadlessPlaybook } from '../../../../renderer/editor/headless';
import {
  $duplicateNarrative,
  $moveNarrative,
  $readNarratives,
  $setNarrativeFields,
} from '../../../../renderer/editor/narrativeOps';
import type { PlaybookSpec } from '../../../../renderer/editor/docSpec';

const spec: PlaybookSpec = {
  intro: [{ p: 'Why we win.' }],
  narratives: [
    {
      id: 'n-first',
      title: 'Time to value',
      keyMessage: 'Live in a week, not a quarter.',
      fields: { status: 'approved', persona: 'CFO', stage: 'decision', proofPoints: ['Acme went live in 6 days'] },
      body: [{ p: 'Story text.' }, { ul: ['one', 'two'] }],
    },
    { id: 'n-second', title: 'Security', keyMessage: 'SOC 2 from day one.', body: [] },
  ],
};

describe('playbook documents written headlessly', () => {
  it('a template written into a Y.Doc reads back with its narratives, ids and fields', () => {
    const doc = createPlaybookDoc(spec);
    const narratives = readPlaybookDoc(doc, $readNarratives);
    expect(narratives.map((n) => [n.id, n.title, n.keyMessage])).toEqual([
      ['n-first', 'Time to value', 'Live in a week, not a quarter.'],
      ['n-second', 'Security', 'SOC 2 from day one.'],
    ]);
    expect(narratives[0]).toMatchObject({
      status: 'approved',
      persona: 'CFO',
      stage: 'decision',
      proofPoints: ['Acme went live in 6 days'],
    });
  });

  it('the content survives a round trip through a Yjs update (what storage and the network carry)', () => {
    const update = Y.encodeStateAsUpdate(createPlaybookDoc(spec));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, update);
    expect(readPlaybookDoc(copy, $readNarratives).map((n) => n.id)).toEqual(['n-first', 'n-second']);
  });

  it('reordering, duplicating and editing fields keep every original id', () => {
    const doc = createPlaybookDoc(spec);
    let copyId: string | null = null;
    withHeadlessPlaybook(doc, (editor) => {
      editor.update(
        () => {
          $moveNarrative('n-second', -1);
          copyId = $duplicateNarrative('n-first');
          $setNarrativeFields('n-second', { status: 'retired', persona: '<img src=x onerror=alert(1)>' });
        },
        { discrete: true },
      );
    });
    const narratives = readPlaybookDoc(doc, $readNarratives);
    expect(narratives.map((n) => n.id)).toEqual(['n-second', 'n-first', copyId]);
    expect(copyId).not.toBe('n-first');
    expect(narratives[2]?.title).toBe('Time to value (copy)');
    expect(narratives[2]?.proofPoints).toEqual(['Acme went live in 6 days']);
    expect(narratives[0]).toMatchObject({ status: 'retired', persona: '<img src=x onerror=alert(1)>' });
  });

  it('two replicas editing different narratives offline merge without losing either edit', () => {
    const base = Y.encodeStateAsUpdate(createPlaybookDoc(spec));
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, base);
    Y.applyUpdate(b, base);
    withHeadlessPlaybook(a, (e) =>
      e.update(() => void $setNarrativeFields('n-first', { owner: 'Ana' }), { discrete: true }),
    );
    withHeadlessPlaybook(b, (e) =>
      e.update(() => void $setNarrativeFields('n-second', { owner: 'Bo' }), { discrete: true }),
    );
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const fromA = readPlaybookDoc(a, $readNarratives);
    expect(fromA.map((n) => n.owner)).toEqual(['Ana', 'Bo']);
    expect(readPlaybookDoc(b, $readNarratives)).toEqual(fromA);
  });
});
