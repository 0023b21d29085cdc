/**
 * The generated .pptx opened by a real presentation program: LibreOffice converts it to PDF, poppler
 * rasterises every page and reports where every word landed. Each slide must render, must not be blank,
 * and must keep its text on the slide. Skips (saying why) where LibreOffice is not installed; CI provisions
 * it with `apt-get install -y libreoffice-impress poppler-utils`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutDeck } from '@shared/deck/layoutDeck';
import { buildPptx } from '../../../../../renderer/features/deck/buildPptx';
import { brandedTheme, deckSpec, narrative, oversized, score } from './deckFixtures';

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

const soffice = onPath('soffice');
const poppler = onPath('pdftoppm') !== null && onPath('pdftotext') !== null;
const missing = !soffice ? 'soffice (libreoffice-impress)' : !poppler ? 'pdftoppm/pdftotext (poppler-utils)' : null;
if (missing) console.log(`[deck] skipping the LibreOffice rendering test: ${missing} is not installed`);

/** Mean and variance of a binary PGM (P5) image's pixels. */
function pgmStats(bytes: Buffer): { mean: number; variance: number } {
  const header = bytes.subarray(0, 64).toString('latin1').split(/\s+/);
  const [, w, h] = header.map(Number);
  const pixels = bytes.subarray(bytes.length - w! * h!);
  let sum = 0;
  let squares = 0;
  for (const p of pixels) {
    sum += p;
    squares += p * p;
  }
  const mean = sum / pixels.length;
  return { mean, variance: squares / pixels.length - mean * mean };
}

describe.skipIf(missing !== null)('a deck opened in LibreOffice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duet-deck-'));
  let slideCount = 0;

  beforeAll(async () => {
    const narratives = [
      narrative('n1', {
        title: 'Cost of downtime',
        keyMessage: 'Every idle truck costs more than Fernway does.',
        body: [
          { kind: 'heading', text: 'The evidence' },
          {
            kind: 'paragraph',
            text: 'Read the uptime report before the call. Every depot is in it.',
            runs: [
              { text: 'Read the ' },
              { text: 'uptime report', url: 'https://fernway.example/uptime?depot=all&range=90d' },
              { text: ' before the call. Every depot is in it.' },
            ],
          },
          { kind: 'bullet', text: 'Predict failures two weeks ahead' },
        ],
      }),
      oversized('n2'),
      narrative('n3', {
        title: 'Security',
        keyMessage: 'SOC 2 from day one — and <script> stays text.',
        proofPoints: [],
      }),
    ];
    const layout = layoutDeck({
      spec: deckSpec(['n1', 'n2', 'n3']),
      narratives: new Map(narratives.map((n) => [n.id, n])),
      theme: brandedTheme(),
      evidence: (id) => (id === 'n1' ? score(id, 14, 20) : null),
    });
    slideCount = layout.slides.length;
    writeFileSync(join(dir, 'deck.pptx'), await buildPptx(layout, { title: 'Deck', author: 'Maya', company: 'Acme' }));
    execFileSync(
      soffice!,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'deck.pptx'),
      ],
      { stdio: 'ignore', timeout: 150_000 },
    );
    execFileSync('pdftoppm', ['-gray', '-r', '24', join(dir, 'deck.pdf'), join(dir, 'gray')]);
    execFileSync('pdftoppm', ['-png', '-r', '48', join(dir, 'deck.pdf'), join(dir, 'slide')]);
    execFileSync('pdftotext', ['-bbox', join(dir, 'deck.pdf'), join(dir, 'bbox.html')]);
    if (process.env.DUET_KEEP_DECK_RENDER) console.log(`[deck] rendered slides kept in ${dir}`);
  }, 180_000);

  afterAll(() => {
    if (!process.env.DUET_KEEP_DECK_RENDER) rmSync(dir, { recursive: true, force: true });
  });

  it('renders every slide, none of them blank', () => {
    const pages = readdirSync(dir)
      .filter((f) => /^gray-\d+\.pgm$/.test(f))
      .sort();
    expect(slideCount).toBeGreaterThanOrEqual(6);
    expect(pages).toHaveLength(slideCount);
    for (const page of pages) {
      const { variance } = pgmStats(readFileSync(join(dir, page)));
      expect(variance, `${page} looks blank`).toBeGreaterThan(100);
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(slideCount);
  });

  it('keeps every word inside its slide', () => {
    const html = readFileSync(join(dir, 'bbox.html'), 'utf8');
    const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
    expect(pages).toHaveLength(slideCount);
    const margin = 4; // points
    const outside: string[] = [];
    pages.forEach(([, w, h, body], i) => {
      for (const word of body!.matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      )) {
        const [, x0, y0, x1, y1, text] = word;
        if (
          Number(x0) < margin ||
          Number(y0) < margin ||
          Number(x1) > Number(w) - margin ||
          Number(y1) > Number(h) - margin
        ) {
          outside.push(`slide ${i + 1}: "${text}" at ${x0},${y0}–${x1},${y1}`);
        }
      }
    });
    expect(outside).toEqual([]);
    expect(html).toContain('&lt;script&gt;'); // the narrative's markup came out as text
  });

  it('opens the link on its words, and keeps the heading as a label', () => {
    // LibreOffice turns the hyperlink into a PDF link annotation over the words.
    const pdf = readFileSync(join(dir, 'deck.pdf')).toString('latin1');
    expect(pdf).toMatch(/\/S\/URI\/URI\(https:\/\/fernway\.example\/uptime\?depot=all&range=90d\)/);
    const html = readFileSync(join(dir, 'bbox.html'), 'utf8');
    const slide2 = [...html.matchAll(/<page[^>]*>([\s\S]*?)<\/page>/g)][1]![1]!;
    const words = [...slide2.matchAll(/>([^<]+)<\/word>/g)].map((m) => m[1]).join(' ');
    expect(words).toMatch(/The evidence (• )?Read the uptime report before the call\. (• )?Predict failures/);
  });

  it('draws the frame the narrative slides share (drawn once, by their master) on every one of them', () => {
    const html = readFileSync(join(dir, 'bbox.html'), 'utf8');
    const pages = [...html.matchAll(/<page[^>]*>([\s\S]*?)<\/page>/g)].map((m) => m[1]!);
    const narrativePages = pages.slice(1, -1); // between the title and the closing slide
    expect(narrativePages.length).toBeGreaterThanOrEqual(4);
    narrativePages.forEach((body, i) => {
      const words = [...body.matchAll(/>([^<]+)<\/word>/g)].map((m) => m[1]).join(' ');
      // The footer line and this slide's own page number.
      expect(words, `slide ${i + 2}`).toContain('Fernway for Acme · Acme Logistics');
      expect(words, `slide ${i + 2}`).toMatch(new RegExp(`\\b${i + 2}$`));
    });
    // The logo's dark bar, top right of each narrative slide (brandedTheme's logo): dark pixels there.
    for (let page = 2; page < slideCount; page++) {
      const file = readdirSync(dir).find((f) => new RegExp(`^gray-0*${page}\\.pgm$`).test(f))!;
      const bytes = readFileSync(join(dir, file));
      const [, w, h] = bytes.subarray(0, 64).toString('latin1').split(/\s+/).map(Number);
      const pixels = bytes.subarray(bytes.length - w! * h!);
      let dark = 0;
      for (let y = Math.round(h! * 0.05); y < h! * 0.12; y++)
        for (let x = Math.round(w! * 0.85); x < w! * 0.96; x++) if (pixels[y * w! + x]! < 80) dark++;
      expect(dark, `slide ${page}: no logo`).toBeGreaterThan(3);
    }
  });
});
