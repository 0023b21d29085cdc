import { describe, expect, it } from 'vitest';
import {
  BUYING_STAGES,
  isBuyingStage,
  isNarrativeStatus,
  NARRATIVE_LIMITS,
  NARRATIVE_STATUSES,
  normalizeNarrativeFields,
} from '../../../../shared/domain/narrative';

describe('narrative fields from untrusted sources (a peer, a paste, an imported file)', () => {
  it('keeps valid fields exactly as given', () => {
    const fields = {
      status: 'approved',
      persona: 'CFO at a mid-market bank',
      stage: 'decision',
      owner: 'Ana',
      proofPoints: ['Acme went live in 6 days', 'SOC 2 Type II'],
    } as const;
    expect(normalizeNarrativeFields(fields)).toEqual(fields);
  });

  it('gives an empty input the defaults: a draft with no persona, stage, owner or proof', () => {
    expect(normalizeNarrativeFields({})).toEqual({
      status: 'draft',
      persona: '',
      stage: '',
      owner: '',
      proofPoints: [],
    });
  });

  it('falls back to defaults for unknown statuses and stages, including look-alikes and prototype keys', () => {
    for (const status of ['Approved', 'approved ', 'published', '__proto__', 'constructor', 1, null, ['approved']]) {
      expect(normalizeNarrativeFields({ status }).status).toBe('draft');
    }
    for (const stage of ['Decision', 'closing', 'toString', 0, {}, true]) {
      expect(normalizeNarrativeFields({ stage }).stage).toBe('');
    }
    for (const status of NARRATIVE_STATUSES) expect(normalizeNarrativeFields({ status }).status).toBe(status);
    for (const stage of BUYING_STAGES) expect(normalizeNarrativeFields({ stage }).stage).toBe(stage);
  });

  it('cuts text fields to their limits and drops values that are not text', () => {
    const out = normalizeNarrativeFields({ persona: 'p'.repeat(10_000), owner: 'o'.repeat(10_000) });
    expect(out.persona).toHaveLength(NARRATIVE_LIMITS.persona);
    expect(out.owner).toHaveLength(NARRATIVE_LIMITS.owner);
    expect(normalizeNarrativeFields({ persona: 42, owner: { name: 'x' } })).toMatchObject({ persona: '', owner: '' });
  });

  it('keeps markup in text fields as plain text', () => {
    const persona = '<img src=x onerror=alert(1)>';
    expect(normalizeNarrativeFields({ persona }).persona).toBe(persona);
  });

  it('cleans proof points: trims them, drops blanks and non-text, and bounds their length and number', () => {
    const out = normalizeNarrativeFields({
      proofPoints: [
        '  Acme: 6 days  ',
        '',
        '   ',
        7,
        null,
        { text: 'x' },
        'q'.repeat(5_000),
        ...Array(100).fill('more'),
      ],
    });
    expect(out.proofPoints[0]).toBe('Acme: 6 days');
    expect(out.proofPoints[1]).toHaveLength(NARRATIVE_LIMITS.proofPoint);
    expect(out.proofPoints).toHaveLength(NARRATIVE_LIMITS.proofPoints);
    expect(out.proofPoints.every((p) => p.trim().length > 0)).toBe(true);
    expect(normalizeNarrativeFields({ proofPoints: 'not a list' }).proofPoints).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    const hostile = [
      { proofPoints: new Proxy([], {}) },
      { persona: Symbol('x') as unknown },
      Object.create(null) as Record<string, unknown>,
      { proofPoints: [Symbol('x'), 1n] },
    ];
    for (const input of hostile) expect(() => normalizeNarrativeFields(input)).not.toThrow();
  });

  it('recognises statuses and stages only by their exact names', () => {
    expect(isNarrativeStatus('in-review')).toBe(true);
    expect(isNarrativeStatus('in review')).toBe(false);
    expect(isBuyingStage('expansion')).toBe(true);
    expect(isBuyingStage(undefined)).toBe(false);
  });
});
