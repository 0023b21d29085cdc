/**
 * Scripts injected into a page before any of its own code runs (page.addInitScript), so app and baseline
 * are timed by identical code that neither of them contains. Times are performance.now(), whose zero is
 * the start of the navigation: "load time" includes fetching and starting the bundle, as a user sees it.
 */

/**
 * Records when the editor is ready: an editable root whose last narrative title is `lastTitle` — so all
 * narratives are in the DOM — and then when the frame showing it has been produced. A MutationObserver
 * rather than polling, so the moment is exact and no timer competes with the page for the main thread.
 * Result: `window.__benchReady = { dom, paint }`, also logged as `__benchReady {json}` (console.log).
 * @param {string} lastTitle
 */
export function readyProbe(lastTitle) {
  const isReady = () => {
    const root = document.querySelector('[contenteditable="true"]');
    if (root === null || !root.isContentEditable) return false;
    // A live collection: reading its last item costs nothing, however many titles there are.
    const titles = root.getElementsByClassName('narrative-title');
    return titles.length > 0 && titles[titles.length - 1].textContent === lastTitle;
  };
  const observer = new MutationObserver(() => {
    if (!isReady()) return;
    observer.disconnect();
    const dom = performance.now();
    // rAF runs just before the next frame is rendered; a task queued from it runs once that frame is done.
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__benchReady = { dom, paint: performance.now() };
        // Also said on the console, which loadPage listens to (see there).
        console.log(`__benchReady ${JSON.stringify(window.__benchReady)}`);
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Per-keystroke latency while `window.__benchRecordKeys` is true: from the keydown's own timestamp (when the
 * browser received the key, so time spent queued behind earlier work counts) to just after the next frame
 * (rAF, then a task). Listens in the capture phase on window so it runs before the editor's handlers.
 * Also keeps Event Timing entries (`PerformanceEventTiming`, ≥16 ms only — the API's floor) as a cross-check
 * measured by the browser itself. Results: `window.__benchKeys`, `window.__benchSlowEvents`.
 */
export function keystrokeProbe() {
  const samples = (window.__benchKeys = []);
  const slow = (window.__benchSlowEvents = []);
  addEventListener(
    'keydown',
    (event) => {
      if (!window.__benchRecordKeys) return;
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const frame = performance.now();
        setTimeout(() => samples.push({ key: event.key, start, frame, end: performance.now() }), 0);
      });
    },
    true,
  );
  if (PerformanceObserver.supportedEntryTypes.includes('event')) {
    new PerformanceObserver((list) => {
      if (!window.__benchRecordKeys) return;
      for (const e of list.getEntries())
        slow.push({ name: e.name, duration: e.duration, interactionId: e.interactionId });
    }).observe({ type: 'event', durationThreshold: 16 });
  }
}

/**
 * Records when an element matching `selector` is in the DOM, then when the frame showing it has been
 * produced — the same two moments as readyProbe, for screens without narratives (the welcome screen, a
 * baseline page). Result: `window.__benchReady = { dom, paint }`.
 * @param {string} selector
 */
export function selectorProbe(selector) {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector) === null) return;
    observer.disconnect();
    const dom = performance.now();
    requestAnimationFrame(() =>
      setTimeout(() => {
        window.__benchReady = { dom, paint: performance.now() };
        console.log(`__benchReady ${JSON.stringify(window.__benchReady)}`);
      }, 0),
    );
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
}
