/**
 * A link in a narrative can be clicked in the exported PDF: the deck's print layout, printed by Chromium as
 * the desktop app's hidden print window does (printToPDF and page.pdf are the same printing path), carries
 * a link annotation to the address on the linked words — and the print document still runs no script.
 */
import { expect, test } from '@playwright/test';
import { renderDeckHtml } from '../../shared/deck/deckHtml';
import { layoutDeck } from '../../shared/deck/layoutDeck';
import { buildPrintDocument, checkPrintParts } from '../../shared/deck/printDocument';
import { brandedTheme, deckSpec, narrative } from '../unit/renderer/features/deck/deckFixtures';

const REPORT = 'https://fernway.example/uptime?depot=all&range=90d';

test('the PDF of a deck has a clickable link where the narrative had one', async ({ page }) => {
  const linked = narrative('l', {
    body: [
      {
        kind: 'paragraph',
        text: 'Read the uptime report. It shows the cost.',
        runs: [{ text: 'Read the ' }, { text: 'uptime report', url: REPORT }, { text: '. It shows the cost.' }],
      },
    ],
  });
  const layout = layoutDeck({
    spec: deckSpec(['l'], { includeTitleSlide: false, includeClosingSlide: false }),
    narratives: new Map([['l', linked]]),
    theme: brandedTheme(),
    evidence: () => null,
  });
  const checked = checkPrintParts(renderDeckHtml(layout, 'print'));
  expect(checked.ok).toBe(true);
  if (!checked.ok) return;
  await page.setContent(buildPrintDocument(checked.parts));
  await expect(page.locator('a.deck-link')).toHaveText('uptime report');
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  // A link annotation whose action opens the address (PDF string syntax: the address verbatim).
  expect(pdf).toMatch(/\/Subtype\s*\/Link/);
  expect(pdf).toContain(`/URI (${REPORT})`);
});
