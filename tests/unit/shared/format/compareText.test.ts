import { describe, expect, it, vi } from 'vitest';
import { compareText } from '../../../../shared/format/compareText';
import { filterPlaybooks } from '../../../../shared/domain/playbook';
import { createPrng } from '../../server/helpers/prng';

const PLAIN = 'abcXYZ019 ';
const ANY = `${PLAIN}-_.,:;!?'"()&éÉçßæøÅ中文αβ`;

function word(next: () => number, alphabet: string): string {
  const length = Math.floor(next() * 8);
  return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

describe('compareText orders as localeCompare does', () => {
  it('agrees in sign with localeCompare on random titles, plain and not', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const next = createPrng(seed).next;
      for (let i = 0; i < 50; i++) {
        const alphabet = next() < 0.7 ? PLAIN : ANY;
        const a = word(next, alphabet);
        const b = next() < 0.2 ? a.toUpperCase() : word(next, alphabet);
        expect(Math.sign(compareText(a, b)), `seed ${seed}: “${a}” vs “${b}”`).toBe(Math.sign(a.localeCompare(b)));
      }
    }
  });

  it('sorts a sidebar as people expect: case aside, digits before letters, accents beside their letter', () => {
    const titles = ['beta', 'Alpha', 'alpha 2', 'Émile', 'Echo', '2027 plan', 'Zulu'];
    expect([...titles].sort(compareText)).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    const playbooks = titles.map((title, i) => ({
      id: `p${i}`,
      title,
      template: 'blank' as const,
      owner: 'Maya',
      createdAt: i,
      updatedAt: i,
    }));
    expect(filterPlaybooks(playbooks, '').map((p) => p.title)).toEqual([
      '2027 plan',
      'Alpha',
      'alpha 2',
      'beta',
      'Echo',
      'Émile',
      'Zulu',
    ]);
  });
});

describe('compareText without the collator', () => {
  it('finds titles written alike equal, accents and all, without waking the collator', () => {
    const collator = vi.spyOn(String.prototype, 'localeCompare');
    try {
      for (const title of ['Untitled playbook', 'Café — Q3', '', 'Émile’s plan'])
        expect(compareText(title, `${title}`)).toBe(0);
      expect(compareText('Alpha', 'beta')).toBeLessThan(0);
      expect(collator).not.toHaveBeenCalled();
    } finally {
      collator.mockRestore();
    }
  });
});

describe('compareText on punctuation and symbols', () => {
  const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));

  it('orders every pair of printable ASCII characters, alone and inside words, as localeCompare', () => {
    for (const x of PRINTABLE)
      for (const y of PRINTABLE)
        for (const [a, b] of [
          [x, y],
          [`a${x}b`, `a${y}b`],
          [`${x}1`, `${y}`],
        ] as const)
          expect(Math.sign(compareText(a, b)), `“${a}” vs “${b}”`).toBe(Math.sign(a.localeCompare(b)));
  });

  it('agrees on random titles with punctuation, accents and other scripts', () => {
    const alphabet = `${PRINTABLE.join('')}éÉ\u0301ßæ中α—–’`;
    for (let seed = 1; seed <= 200; seed++) {
      const next = createPrng(seed).next;
      for (let i = 0; i < 50; i++) {
        const a = word(next, alphabet);
        const b = next() < 0.3 ? a + word(next, alphabet) : word(next, alphabet);
        expect(Math.sign(compareText(a, b)), `seed ${seed}: “${a}” vs “${b}”`).toBe(Math.sign(a.localeCompare(b)));
      }
    }
  });
});
