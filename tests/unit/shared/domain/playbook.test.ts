import { describe, expect, it } from 'vitest';
import {
  cleanPlaybookTitle,
  filterPlaybooks,
  isPlaybookTemplate,
  PLAYBOOK_TEMPLATE_INFO,
  PLAYBOOK_TEMPLATES,
  PLAYBOOK_TITLE_MAX,
  type PlaybookMeta,
} from '../../../../shared/domain/playbook';

const meta = (id: string, title: string, createdAt = 0): PlaybookMeta => ({
  id,
  title,
  template: 'blank',
  owner: 'ana',
  createdAt,
  updatedAt: createdAt,
});

describe('playbook titles', () => {
  it('collapse runs of whitespace and trim the ends', () => {
    expect(cleanPlaybookTitle('  Enterprise \n\t pitch  ')).toBe('Enterprise pitch');
  });

  it('become "Untitled playbook" when nothing is left', () => {
    for (const raw of ['', ' ', '\n\t\r', '\u00a0\u2003']) expect(cleanPlaybookTitle(raw)).toBe('Untitled playbook');
  });

  it(`are cut to ${PLAYBOOK_TITLE_MAX} characters, after trimming`, () => {
    expect(cleanPlaybookTitle('x'.repeat(10_000))).toHaveLength(PLAYBOOK_TITLE_MAX);
    expect(cleanPlaybookTitle(`   ${'y'.repeat(PLAYBOOK_TITLE_MAX)}   `)).toBe('y'.repeat(PLAYBOOK_TITLE_MAX));
  });

  it('keep markup and non-Latin text as typed', () => {
    expect(cleanPlaybookTitle('<b>Q3</b> — 市場 🚀')).toBe('<b>Q3</b> — 市場 🚀');
  });
});

describe('templates', () => {
  it('every template has a label and a description, and only those names are templates', () => {
    for (const t of PLAYBOOK_TEMPLATES) {
      expect(isPlaybookTemplate(t)).toBe(true);
      expect(PLAYBOOK_TEMPLATE_INFO[t].label.length).toBeGreaterThan(0);
      expect(PLAYBOOK_TEMPLATE_INFO[t].description.length).toBeGreaterThan(0);
    }
    for (const t of ['Blank', 'toString', '', null, 3]) expect(isPlaybookTemplate(t)).toBe(false);
  });
});

describe('the sidebar filter', () => {
  const list = [
    meta('3', 'Zeta pitch', 1),
    meta('1', 'alpha plan', 2),
    meta('2', 'Beta Pitch', 3),
    meta('4', 'Beta Pitch', 0),
  ];

  it('with no query lists every playbook alphabetically, older first among equal titles', () => {
    expect(filterPlaybooks(list, '').map((p) => p.id)).toEqual(['1', '4', '2', '3']);
    expect(filterPlaybooks(list, '   ').map((p) => p.id)).toEqual(['1', '4', '2', '3']);
  });

  it('matches anywhere in the title, ignoring case and surrounding spaces', () => {
    expect(filterPlaybooks(list, ' PITCH ').map((p) => p.id)).toEqual(['4', '2', '3']);
    expect(filterPlaybooks(list, 'lph').map((p) => p.id)).toEqual(['1']);
    expect(filterPlaybooks(list, 'nothing like it')).toEqual([]);
  });

  it('treats the query as text, not as a pattern', () => {
    const tricky = [meta('a', 'Price (USD) .*'), meta('b', 'Pricing')];
    expect(filterPlaybooks(tricky, '(usd)').map((p) => p.id)).toEqual(['a']);
    expect(filterPlaybooks(tricky, '.*').map((p) => p.id)).toEqual(['a']);
  });

  it('does not reorder the list it was given', () => {
    const before = list.map((p) => p.id);
    filterPlaybooks(list, '');
    expect(list.map((p) => p.id)).toEqual(before);
  });
});
