// Comparing two versions narrative by narrative: every kind of change is reported, words are diffed word by
// word, and nothing unchanged is flagged.
import { describe, expect, it } from 'vitest';
import { compareVersions, changedNarratives } from '../../../../shared/versions/compareVersions';
import type { ContentNode, VersionContent } from '../../../../shared/versions/versionContent';

const text = (t: string, format = 0): ContentNode => ({ type: 'text', text: t, format });
function narrative(id: string, o: { title?: string; key?: string; body?: ContentNode[][]; [f: string]: unknown } = {}) {
  const { title = `Title ${id}`, key = `Key ${id}`, body = [[text('Body text here.')]], ...fields } = o;
  return {
    type: 'narrative',
    narrativeId: id,
    status: 'draft',
    persona: '',
    stage: '',
    owner: '',
    proofPoints: [],
    ...fields,
    children: [
      { type: 'narrative-title', children: [text(title)] },
      { type: 'narrative-key-message', children: [text(key)] },
      ...body.map((children) => ({ type: 'paragraph', children })),
    ],
  } as ContentNode;
}
const content = (...blocks: ContentNode[]): VersionContent => ({ blocks });

describe('comparing two versions', () => {
  it('reports added, removed, changed, moved and unchanged narratives', () => {
    const before = content(narrative('a'), narrative('b'), narrative('c'), narrative('d'));
    const after = content(
      narrative('c'),
      narrative('a'),
      narrative('b', { title: 'Title b, sharper' }),
      narrative('e'),
    );
    const { narratives, counts } = compareVersions(before, after);
    const summary = Object.fromEntries(narratives.map((n) => [n.id, [n.kind, n.moved]]));
    expect(summary).toEqual({
      a: ['unchanged', false],
      b: ['changed', false],
      c: ['unchanged', true],
      d: ['removed', false],
      e: ['added', false],
    });
    expect(counts).toEqual({ added: 1, removed: 1, changed: 1, moved: 1 });
    // Newer order; a removed narrative sits after the one that preceded it before (d followed c).
    expect(narratives.map((n) => n.id)).toEqual(['c', 'd', 'a', 'b', 'e']);
  });

  it('diffs title, key message, body and proof points word by word', () => {
    const before = content(
      narrative('a', { title: 'Predict, don’t react', key: 'See churn early.', proofPoints: ['Cut churn 20%'] }),
    );
    const after = content(
      narrative('a', {
        title: 'Predict, never react',
        key: 'See churn early.',
        body: [[text('Body text here, now longer.')]],
        proofPoints: ['Cut churn 30%', 'Two weeks to value'],
      }),
    );
    const [a] = compareVersions(before, after).narratives;
    expect(a!.kind).toBe('changed');
    expect(Object.keys(a!.texts).sort()).toEqual(['body', 'proofPoints', 'title']);
    const title = a!.texts.title!;
    expect(title.filter((p) => p.kind === 'deleted').map((p) => p.value)).toEqual(['don’t']);
    expect(title.filter((p) => p.kind === 'inserted').map((p) => p.value)).toEqual(['never']);
    expect(title.map((p) => (p.kind === 'deleted' ? '' : p.value)).join('')).toBe('Predict, never react');
    const inserted = (parts: { kind: string; value: string }[]) =>
      parts
        .filter((p) => p.kind === 'inserted')
        .map((p) => p.value)
        .join('|');
    expect(inserted(a!.texts.body!)).toBe(', now longer');
    expect(inserted(a!.texts.proofPoints!)).toBe('30|\nTwo weeks to value');
  });

  it('lists changed fields with their old and new values', () => {
    const before = content(narrative('a', { status: 'draft', persona: 'CFO', stage: 'awareness', owner: 'Dana' }));
    const after = content(narrative('a', { status: 'approved', persona: 'CTO', stage: 'decision', owner: 'Lee' }));
    expect(compareVersions(before, after).narratives[0]!.fields).toEqual([
      { field: 'status', from: 'draft', to: 'approved' },
      { field: 'persona', from: 'CFO', to: 'CTO' },
      { field: 'stage', from: 'awareness', to: 'decision' },
      { field: 'owner', from: 'Dana', to: 'Lee' },
    ]);
  });

  it('tells a formatting-only change from a change of words', () => {
    const before = content(narrative('a', { body: [[text('Make it bold')]] }));
    const after = content(narrative('a', { body: [[text('Make it '), text('bold', 1)]] }));
    const [a] = compareVersions(before, after).narratives;
    expect(a).toMatchObject({ kind: 'changed', formattingOnly: true, texts: {}, fields: [] });
  });

  it('knows which narratives changed since the previous version (for the history list)', () => {
    const before = content(narrative('a'), narrative('b'));
    const after = content(narrative('a'), narrative('b', { persona: 'CFO' }), narrative('c'));
    expect(changedNarratives(before, after)).toEqual({ changed: ['b', 'c'], removed: [] });
    expect(changedNarratives(after, content(narrative('a')))).toEqual({ changed: [], removed: ['b', 'c'] });
    expect(changedNarratives(null, before)).toEqual({ changed: ['a', 'b'], removed: [] });
  });
});
