import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/collab/brand';
import { renderDeckHtml } from '@shared/deck/deckHtml';
import { FONT_LIMITS, SLIDE_HEIGHT, SLIDE_WIDTH, fitFlow, layoutDeck } from '@shared/deck/layoutDeck';
import { checkPrintParts, buildPrintDocument, DECK_PRINT_CSP } from '@shared/deck/printDocument';
import { wrapText, linesHeightPt } from '@shared/deck/textMeasure';
import { brandedTheme, deckSpec, narrative, oversized } from '../../renderer/features/deck/deckFixtures';

const layoutOf = (narratives: ReturnType<typeof narrative>[], spec = deckSpec(narratives.map((n) => n.id))) =>
  layoutDeck({
    spec,
    narratives: new Map(narratives.map((n) => [n.id, n])),
    theme: brandedTheme(),
    evidence: () => null,
  });

describe('deck layout never overflows', () => {
  it('every box lies on the slide and every text fits its box by the measuring model', () => {
    const layout = layoutOf([narrative('a'), oversized('b'), narrative('c', { keyMessage: 'W'.repeat(400) })]);
    for (const slide of layout.slides) {
      for (const box of slide.boxes) {
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.w).toBeLessThanOrEqual(SLIDE_WIDTH + 1e-6);
        expect(box.y + box.h).toBeLessThanOrEqual(SLIDE_HEIGHT + 1e-6);
        if (box.kind !== 'text') continue;
        const width = (box.w - (box.bullets ? 20 / 72 : 0)) * 72;
        const lines = box.paragraphs.map((p) => wrapText(p, width, box.fontSize, box.font as 'Arial'));
        const height =
          lines.reduce((sum, l) => sum + linesHeightPt(l.length, box.fontSize), 0) +
          box.spaceAfter * (lines.length - 1);
        expect(height / 72, `${box.role} on slide ${layout.slides.indexOf(slide) + 1}`).toBeLessThanOrEqual(
          box.h + 1e-6,
        );
      }
    }
  });

  it('shrinks long text within its limits before continuing on a second slide', () => {
    const fit = fitFlow(['short'], 5, 3, FONT_LIMITS.bullets, 'Arial', 0.45);
    expect(fit).toEqual({ fontSize: FONT_LIMITS.bullets.max, pages: [['short']] });
    const medium = Array.from({ length: 8 }, (_, i) => `Bullet ${i} with a few more words to wrap onto a line`);
    const shrunk = fitFlow(medium, 7, 4, FONT_LIMITS.bullets, 'Arial', 0.45);
    expect(shrunk.pages).toHaveLength(1);
    expect(shrunk.fontSize).toBeLessThan(FONT_LIMITS.bullets.max);
    const long = fitFlow([...medium, ...medium, ...medium], 7, 4, FONT_LIMITS.bullets, 'Arial', 0.45);
    expect(long.fontSize).toBe(FONT_LIMITS.bullets.min);
    expect(long.pages.length).toBeGreaterThan(1);
    expect(long.pages.flat()).toEqual([...medium, ...medium, ...medium]);
  });

  it('splits a single paragraph longer than a page by lines and loses no word', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const fit = fitFlow([words.join(' ')], 6, 2, FONT_LIMITS.bullets, 'Verdana', 0.45);
    expect(fit.pages.length).toBeGreaterThan(2);
    expect(fit.pages.flat().join(' ').split(' ')).toEqual(words);
  });

  it('a narrative whose text does not fit gets "(cont.)" slides with the same headline', () => {
    const layout = layoutOf(
      [oversized('big')],
      deckSpec(['big'], { includeTitleSlide: false, includeClosingSlide: false }),
    );
    expect(layout.slides.length).toBeGreaterThan(1);
    expect(layout.slides.map((s) => s.part)).toEqual(layout.slides.map((_, i) => i + 1));
    const headline = (i: number) => layout.slides[i]!.boxes.find((b) => b.kind === 'text' && b.role === 'headline');
    expect(
      headline(1)?.kind === 'text' && headline(1)!.kind === 'text'
        ? (headline(1) as { paragraphs: string[] }).paragraphs[0]
        : '',
    ).toMatch(/… \(cont\.\)$/);
  });

  it('title and closing slides are optional; missing narratives are skipped', () => {
    const layout = layoutOf(
      [narrative('a')],
      deckSpec(['a', 'gone'], { includeTitleSlide: false, includeClosingSlide: false }),
    );
    expect(layout.slides.map((s) => s.kind)).toEqual(['narrative']);
  });
});

describe('the HTML preview and print layout', () => {
  const nasty = narrative('x', {
    title: '<script>alert(1)</script>',
    keyMessage: '"><img src=x onerror=alert(1)>',
    body: [{ kind: 'paragraph', text: '</style><style>body{background:url(https://evil.example/)}</style>' }],
  });
  const html = renderDeckHtml(layoutOf([nasty]), 'print');

  it('keeps narrative HTML and script as text', () => {
    expect(html.bodyHtml).not.toContain('<script');
    expect(html.bodyHtml).not.toContain('<img');
    expect(html.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.css).not.toContain('evil.example');
  });

  it('passes the print check, which refuses anything but slides', () => {
    expect(checkPrintParts(html).ok).toBe(true);
    expect(checkPrintParts({ css: html.css, bodyHtml: `${html.bodyHtml}<img src="https://x/">` }).ok).toBe(false);
    expect(checkPrintParts({ css: html.css, bodyHtml: '<div onclick="x()"></div>' }).ok).toBe(false);
    expect(checkPrintParts({ css: html.css, bodyHtml: '<div style="x"></div>' }).ok).toBe(false);
    expect(checkPrintParts({ css: '@import url(https://x/a.css);', bodyHtml: '' }).ok).toBe(false);
    expect(checkPrintParts({ css: '.a{background:url(file:///etc/passwd)}', bodyHtml: '' }).ok).toBe(false);
    expect(checkPrintParts({ css: '.a{background:u\\72l(https://x)}', bodyHtml: '' }).ok).toBe(false);
    expect(checkPrintParts('<html>').ok).toBe(false);
  });

  it('the print document allows no script, no network and no files', () => {
    const doc = buildPrintDocument({ css: '.a{}', bodyHtml: '<div></div>' });
    expect(doc).toContain(`content="${DECK_PRINT_CSP}"`);
    expect(DECK_PRINT_CSP).toContain("default-src 'none'");
    expect(DECK_PRINT_CSP).not.toMatch(/script-src|https?:|file:/);
  });

  it('the logo appears once in the stylesheet however many slides use it', () => {
    const layout = layoutOf([narrative('a'), narrative('b'), narrative('c')]);
    const { css } = renderDeckHtml(layout, 'preview');
    expect(css.split('data:image/png').length - 1).toBe(1);
    expect(
      layoutDeck({
        spec: deckSpec(['a']),
        narratives: new Map([['a', narrative('a')]]),
        theme: DEFAULT_BRAND,
        evidence: () => null,
      }).slides[1]!.boxes.some((b) => b.kind === 'image'),
    ).toBe(false);
  });
});
