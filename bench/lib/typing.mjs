/**
 * What the typing benchmarks type, and where: the same sentence at the end of the same kind of paragraph,
 * so keystroke figures from different benchmarks (typing alone, typing while search indexes) compare.
 */

/** Typed first and not recorded: these keys pay for JIT compilation, not for typing. */
export const WARMUP_TEXT = 'Warm up the editor. ';

/**
 * The sentence typed, key by key. Plain words and punctuation only: *, _, ` or a leading "- " would trigger
 * markdown shortcuts and measure those.
 */
export const TYPED_TEXT =
  'Fleet managers want fewer surprises, so we show which vehicle will fail next week and why. ' +
  'Every prediction names the part, the sensor trend and the cost of waiting, and the depot books the work ' +
  'into its quietest slot before the driver ever calls.';

/** Milliseconds between key down and key up (Playwright's `delay`); the next key follows the key up. */
export const KEY_DELAY_MS = 25;

/** Typing sessions per editor (each a fresh page load). */
export const SESSIONS = 2;

/**
 * Puts the caret at the end of the target paragraph's text, as a click there would. Runs in the page
 * (`page.evaluate(placeCaret, target)`), so it uses nothing from this module.
 */
export function placeCaret({ narrativeId, paragraphIndex }) {
  const body = document.querySelector(`section[data-narrative-id="${narrativeId}"] .narrative-body`);
  const paragraph = body?.querySelectorAll(':scope > p.ed-p')[paragraphIndex];
  if (!paragraph) throw new Error(`[bench] paragraph ${paragraphIndex} of ${narrativeId} not found`);
  paragraph.scrollIntoView({ block: 'center' });
  paragraph.closest('[contenteditable="true"]').focus();
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  let last = null;
  while (walker.nextNode()) last = walker.currentNode;
  getSelection().collapse(last, last.length);
}
