import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { narrativeContentHash, type NarrativeContent } from '../../../../shared/governance/contentHash';
import { sha256Hex } from '../../../../shared/governance/sha256';

const BASE: NarrativeContent = {
  title: 'Positioning',
  keyMessage: 'Fernway cuts unplanned downtime by 30%.',
  body: [
    { kind: 'paragraph', text: 'Fleets lose a day a month to breakdowns.' },
    { kind: 'bullet', text: 'See the study', runs: [{ text: 'See the study', url: 'https://example.com/a' }] },
  ],
  persona: 'VP Operations',
  stage: 'awareness',
  proofPoints: ['Acme: 31% fewer breakdowns'],
};

describe('narrative content hash', () => {
  it('is SHA-256 (known test vectors, including multi-block and non-ASCII input)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    // Padding boundaries (55, 56, 63, 64, 119 bytes) and multi-byte UTF-8, against Node's own digest.
    for (const text of ['é', 'Straße → 🚚', ...[55, 56, 63, 64, 119].map((n) => 'x'.repeat(n))])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('does not change for whitespace-only edits (decided: they do not count)', () => {
    const spaced: NarrativeContent = {
      ...BASE,
      title: '  Positioning ',
      keyMessage: 'Fernway  cuts unplanned\ndowntime by 30%. ',
      body: [...BASE.body, { kind: 'paragraph', text: '   ' }],
      proofPoints: [' Acme: 31%  fewer breakdowns', ''],
    };
    expect(narrativeContentHash(spaced)).toBe(narrativeContentHash(BASE));
  });

  it.each<[string, Partial<NarrativeContent>]>([
    ['a number in the key message', { keyMessage: 'Fernway cuts unplanned downtime by 40%.' }],
    ['letter case', { title: 'positioning' }],
    ['punctuation', { keyMessage: 'Fernway cuts unplanned downtime by 30%!' }],
    [
      'a link address',
      { body: [BASE.body[0]!, { ...BASE.body[1]!, runs: [{ text: 'See the study', url: 'https://example.com/b' }] }] },
    ],
    ['a block kind', { body: [{ ...BASE.body[0]!, kind: 'quote' }, BASE.body[1]!] }],
    ['the persona', { persona: 'CFO' }],
    ['the buying stage', { stage: 'decision' }],
    ['a proof point', { proofPoints: ['Acme: 32% fewer breakdowns'] }],
    [
      'words moving between title and key message',
      { title: 'Positioning Fernway', keyMessage: 'cuts unplanned downtime by 30%.' },
    ],
  ])('changes when %s changes', (_what, patch) => {
    expect(narrativeContentHash({ ...BASE, ...patch })).not.toBe(narrativeContentHash(BASE));
  });
});
