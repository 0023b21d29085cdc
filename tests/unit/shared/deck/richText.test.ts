import { describe, expect, it } from 'vitest';
import { condenseStory, describeLeftOut, narrativeNotes } from '@shared/deck/condenseStory';
import { normalizeRuns, sliceRuns, textWithUrls } from '@shared/deck/richText';
import { narrative } from '../../renderer/features/deck/deckFixtures';

const URL_A = 'https://fernway.example/uptime';

describe('links through condensing', () => {
  it('collapses whitespace across runs like the plain text, and keeps spaces outside a link', () => {
    const runs = normalizeRuns([{ text: '  Read  the ' }, { text: 'uptime\n report', url: URL_A }, { text: ' now. ' }]);
    expect(runs).toEqual([{ text: 'Read the ' }, { text: 'uptime report', url: URL_A }, { text: ' now.' }]);
  });

  it('keeps only safe addresses as links', () => {
    const runs = normalizeRuns([
      { text: 'click', url: 'javascript:alert(1)' },
      { text: ' here', url: 'data:x' },
    ]);
    expect(runs).toEqual([{ text: 'click here' }]);
    expect(textWithUrls(runs)).toBe('click here');
  });

  it('slices runs by plain-text offsets, so a cut link keeps the words that stay', () => {
    const runs = [{ text: 'See ' }, { text: 'the uptime report', url: URL_A }, { text: '.' }];
    expect(sliceRuns(runs, 4, 14)).toEqual([{ text: 'the uptime', url: URL_A }]);
    expect(sliceRuns(runs, 0, 7)).toEqual([{ text: 'See ' }, { text: 'the', url: URL_A }]);
  });

  it('writes addresses into notes after the words, once when the words are the address', () => {
    expect(textWithUrls([{ text: 'the report', url: URL_A }, { text: ' today' }])).toBe(`the report (${URL_A}) today`);
    expect(textWithUrls([{ text: URL_A, url: URL_A }])).toBe(URL_A);
    expect(textWithUrls([{ text: 'sales@fernway.example', url: 'mailto:sales@fernway.example' }])).toBe(
      'sales@fernway.example',
    );
  });
});

describe('a story condensed into bullets', () => {
  const body = [
    { kind: 'heading' as const, text: 'Why now' },
    {
      kind: 'paragraph' as const,
      text: 'Read the uptime report. It shows the cost. Every depot agrees.',
      runs: [
        { text: 'Read the ' },
        { text: 'uptime report', url: URL_A },
        { text: '. It shows the cost. Every depot agrees.' },
      ],
    },
    { kind: 'bullet' as const, text: 'Predict failures' },
    { kind: 'bullet' as const, text: `${'Long point '.repeat(30)}end` },
  ];

  it('keeps headings as group labels, a paragraph’s first sentence with its link, and counts what it left out', () => {
    const { items, leftOut } = condenseStory(body);
    expect(items[0]).toEqual({ runs: [{ text: 'Why now' }], heading: true });
    expect(items[1]).toEqual({
      runs: [{ text: 'Read the ' }, { text: 'uptime report', url: URL_A }, { text: '.' }],
      heading: false,
    });
    expect(items[2]).toEqual({ runs: [{ text: 'Predict failures' }], heading: false });
    expect(items[3]!.runs.at(-1)!.text.endsWith('…')).toBe(true);
    expect(leftOut).toEqual({ sentences: ['It shows the cost.', 'Every depot agrees.'], shortened: 1 });
    expect(describeLeftOut(leftOut)).toBe(
      '2 sentences left out, 1 long point shortened — they stay in the speaker notes',
    );
  });

  it('says nothing when nothing was left out, and words a single sentence right', () => {
    expect(describeLeftOut({ sentences: [], shortened: 0 })).toBeNull();
    expect(describeLeftOut({ sentences: ['One more.'], shortened: 0 })).toBe(
      '1 sentence left out — it stays in the speaker notes',
    );
    expect(describeLeftOut({ sentences: [], shortened: 2 })).toBe(
      '2 long points shortened — the full text stays in the speaker notes',
    );
  });

  it('keeps everything in the notes, links with their address', () => {
    const notes = narrativeNotes(narrative('n', { body }));
    expect(notes).toContain('Why now');
    expect(notes).toContain(`Read the uptime report (${URL_A}). It shows the cost. Every depot agrees.`);
    expect(notes).toContain('• Predict failures');
  });
});
