import { describe, expect, it } from 'vitest';
import { colorForName, PRESENCE_PALETTE } from '../../../../../renderer/features/playbook/userColor';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('presence colours', () => {
  it('every colour carries a white cursor name at WCAG AA (4.5:1), in light and dark alike', () => {
    for (const colour of PRESENCE_PALETTE) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });

  it('a person keeps the same colour on every screen', () => {
    expect(colorForName('Maya Okafor')).toBe(colorForName('Maya Okafor'));
    expect(PRESENCE_PALETTE).toContain(colorForName('Ana Reyes'));
  });
});
