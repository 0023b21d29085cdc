import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownUrl, playbookToMarkdown } from '@shared/deck/playbookMarkdown';
import { narrative } from '../../renderer/features/deck/deckFixtures';

describe('a playbook exported as Markdown', () => {
  it('escapes what would otherwise become markup', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('*bold* and _it_ and `code`')).toBe('\\*bold\\* and \\_it\\_ and \\`code\\`');
    expect(escapeMarkdown('[link](javascript:alert(1))')).toBe('\\[link\\]\\(javascript:alert\\(1\\)\\)');
    expect(escapeMarkdown('- item\n1. item\n> quote')).toBe('\\- item\n1\\. item\n\\> quote');
    expect(escapeMarkdown('a | b ~~c~~ &amp;')).toBe('a \\| b \\~\\~c\\~\\~ \\&amp;');
  });

  it('keeps HTML and script as text', () => {
    const md = escapeMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(md).not.toMatch(/(^|[^\\])</);
    expect(md).toBe('\\<script\\>alert\\(1\\)\\</script\\>\\<img src=x onerror=alert\\(1\\)\\>');
  });

  it('lists every narrative with its fields, proof points and body', () => {
    const md = playbookToMarkdown(
      {
        title: 'Fernway house',
        narratives: [
          narrative('a', {
            title: 'Cost *of* downtime',
            body: [
              { kind: 'heading', text: 'Why' },
              { kind: 'paragraph', text: 'Trucks stand still.' },
              { kind: 'number', text: 'One' },
              { kind: 'number', text: 'Two' },
              { kind: 'quote', text: 'We stopped firefighting.' },
            ],
          }),
          narrative('b', { persona: '', stage: '', proofPoints: [] }),
        ],
      },
      '2027-03-12',
    );
    expect(md).toContain('# Fernway house\n');
    expect(md).toContain('## 1\\. Cost \\*of\\* downtime');
    expect(md).toContain('- **Key message:** Key message of a.');
    expect(md).toContain('- **Status:** Approved');
    expect(md).toContain('- **Buying stage:** Decision');
    expect(md).toContain('- **Proof points:**\n  - Proof for a');
    expect(md).toContain('### Why\n\nTrucks stand still.\n\n1. One\n2. Two\n\n> We stopped firefighting.');
    expect(md).toContain('## 2\\. Narrative b');
    expect(md).not.toContain('**Persona:** \n');
    expect(md.endsWith('\n')).toBe(true);
  });
});

describe('links in the Markdown export', () => {
  const md = (runs: { text: string; url?: string }[], kind: 'paragraph' | 'bullet' = 'paragraph') =>
    playbookToMarkdown(
      {
        title: 'P',
        narratives: [narrative('a', { body: [{ kind, text: runs.map((r) => r.text).join(''), runs }] })],
      },
      '2027-03-12',
    );

  it('keeps a link as [words](address), the words escaped', () => {
    expect(md([{ text: 'Read the ' }, { text: 'uptime *report*', url: 'https://fernway.example/uptime' }])).toContain(
      'Read the [uptime \\*report\\*](https://fernway.example/uptime)',
    );
    expect(md([{ text: 'Write to ' }, { text: 'sales', url: 'mailto:sales@fernway.example' }], 'bullet')).toContain(
      '- Write to [sales](mailto:sales@fernway.example)',
    );
  });

  it('writes an address with parentheses and spaces so it reads back exactly', () => {
    expect(markdownUrl('https://en.example/wiki/Fleet_(vehicles)?q=a b')).toBe(
      'https://en.example/wiki/Fleet_\\(vehicles\\)?q=a%20b',
    );
    expect(md([{ text: 'wiki', url: 'https://en.example/wiki/Fleet_(vehicles)' }])).toContain(
      '[wiki](https://en.example/wiki/Fleet_\\(vehicles\\))',
    );
  });

  it('never makes a link of an unsafe address: its words stay plain, escaped text', () => {
    const out = md([{ text: 'click me', url: 'javascript:alert(1)' }]);
    expect(out).toContain('click me');
    expect(out).not.toContain('javascript');
    expect(out).not.toMatch(/\]\(/);
  });
});
