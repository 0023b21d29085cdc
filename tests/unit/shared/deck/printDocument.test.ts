// The print layout's allowlist: slides and links to the web or an e-mail address, nothing else — a link of
// any other shape (script, file, data, extra attributes) refuses the whole document before Chromium sees it.
import { describe, expect, it } from 'vitest';
import { checkPrintParts } from '@shared/deck/printDocument';

const slide = (inner: string) => ({
  css: '',
  bodyHtml: `<div class="deck"><section class="deck-slide">${inner}</section></div>`,
});

describe('the print layout allowlist', () => {
  it.each([
    '<p><a class="deck-link" href="https://example.com/report?a=1&amp;b=2">report</a></p>',
    '<p><a class="deck-link" href="mailto:sales@example.com">write to us</a></p>',
  ])('accepts a link to the web or an address: %s', (html) => {
    expect(checkPrintParts(slide(html)).ok).toBe(true);
  });

  it.each([
    ['a script URL', '<a class="deck-link" href="javascript:alert(1)">x</a>'],
    ['a file', '<a class="deck-link" href="file:///etc/passwd">x</a>'],
    ['a data URL', '<a class="deck-link" href="data:text/html,x">x</a>'],
    ['an event handler', '<a class="deck-link" href="https://e.com" onclick="x()">x</a>'],
    ['a target', '<a class="deck-link" href="https://e.com" target="_blank">x</a>'],
    ['no address', '<a class="deck-link">x</a>'],
    ['a quote breaking out', '<a class="deck-link" href="https://e.com/"x">x</a>'],
  ])('refuses %s', (_what, html) => {
    expect(checkPrintParts(slide(`<p>${html}</p>`)).ok).toBe(false);
  });
});
