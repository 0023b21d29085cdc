/**
 * Functions the company benchmark runs inside the app's page (page.evaluate, page.addInitScript): each is
 * sent to the page as source, so it may use nothing of this module's scope, only the page's globals.
 */

/** Records long tasks from the start of the page (what the user feels as a freeze). */
export function longTaskProbe() {
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: click `click` or choose `select.value` in `select.selector`, then resolve with the time until
 * a frame has been painted with `done` present (rAF, then a task: the frame after the work).
 */
export function timeUntilPainted({ click, select, done }) {
  const started = performance.now();
  if (click) document.querySelector(click).click();
  if (select) {
    const element = document.querySelector(select.selector);
    element.value = select.value;
    element.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return new Promise((resolve) => {
    const frame = () =>
      requestAnimationFrame(() =>
        setTimeout(() => (document.querySelector(done) ? resolve(performance.now() - started) : frame()), 0),
      );
    frame();
  });
}

/**
 * In the page, with the review open: a storyteller edits the first deal card's outcome (won ↔ lost, no
 * decision) in the deal form and saves. Resolves with the time from the click on Save until a frame has been
 * painted whose "Won" figure counts the change — the deal written, the deal log published, the review's
 * figures derived and rendered. Opening the form and choosing the outcome are not timed.
 */
export function editUntilShown() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const until = async (test) => {
    while (!test()) await frame();
  };
  const won = () => document.querySelector('[data-testid="review"] [data-testid="stat-won"]').textContent;
  return (async () => {
    const card = document.querySelector('[data-testid="review"] [data-testid="deal-card"]');
    [...card.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Edit').click();
    await until(() => document.querySelector('[data-testid="deal-outcome"]'));
    const outcome = document.querySelector('[data-testid="deal-outcome"]');
    outcome.value = outcome.value === 'won' ? 'lost-no-decision' : 'won';
    outcome.dispatchEvent(new Event('change', { bubbles: true }));
    await frame();
    await frame();
    const before = won();
    // Marks for a trace of the step (DUET_BENCH_TRACE_EDIT): where the timed part begins and ends.
    const started = performance.mark('bench:edit-save').startTime;
    document.querySelector('[data-testid="deal-save"]').click();
    await until(() => won() !== before);
    return performance.mark('bench:edit-shown').startTime - started;
  })();
}

/**
 * The app's own phase measures (`duet:*`, renderer/platform/measurePhase.ts) that began at or after `since`
 * (ms on the page's clock), summed per phase, with the page's long tasks over the same span.
 */
export function pagePhases(since) {
  const phases = {};
  for (const m of performance.getEntriesByType('measure'))
    if (m.name.startsWith('duet:') && m.startTime >= since)
      phases[m.name.slice(5)] = (phases[m.name.slice(5)] ?? 0) + m.duration;
  const tasks = window.__benchLongTasks.filter((t) => t.start >= since);
  return {
    phases,
    longTasks: tasks.length,
    longTaskMs: tasks.reduce((sum, t) => sum + t.duration, 0),
    longest: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
  };
}

/** In the page: when the longest task began and which `duet:*` phases it overlapped (to tell what it was). */
export function longestTaskDuring() {
  const longest = window.__benchLongTasks.reduce((m, t) => (t.duration > (m?.duration ?? 0) ? t : m), null);
  if (longest === null) return '';
  const end = longest.start + longest.duration;
  const during = performance
    .getEntriesByType('measure')
    .filter((m) => m.name.startsWith('duet:') && m.startTime < end && m.startTime + m.duration > longest.start)
    .map((m) => m.name.slice(5));
  return `${Math.round(longest.duration)} ms at ${Math.round(longest.start)} ms, during ${[...new Set(during)].join(', ') || 'no phase'}`;
}

/**
 * In the page: from the file input's change (the moment a person's pick lands) until "Imported N deals",
 * pressing Next / Import as soon as each is enabled. Driven from inside the page, as `timeUntilPainted` is:
 * polling from Playwright would add main-thread work of its own to the figure.
 */
export function importClickThrough() {
  return new Promise((resolve) => {
    const input = document.querySelector('[data-testid="csv-file"]');
    input.addEventListener(
      'change',
      () => {
        const started = performance.now();
        // The import's own span starts here: the task that handed the file over (Playwright's setInputFiles,
        // decoding a 3 MB file in the page) is the harness's, not the app's.
        window.__benchImportStarted = started;
        const step = () => {
          const result = document.querySelector('[data-testid="csv-result"]');
          if (result && /Imported \d+ deal/.test(result.textContent ?? '')) return resolve(performance.now() - started);
          for (const id of ['csv-confirm', 'csv-next']) {
            const button = document.querySelector(`[data-testid="${id}"]`);
            if (button && !button.disabled) {
              button.click();
              break;
            }
          }
          setTimeout(step, 50);
        };
        step();
      },
      { once: true, capture: true },
    );
  });
}
