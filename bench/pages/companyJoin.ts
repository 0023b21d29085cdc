/**
 * The sync half of the company benchmark's page (bench/pages/company.ts exposes it): a writer uploads a notes
 * document to a real sync server through SyncLink, then a second client joins and reads every deal the app's
 * way, and joins again with the whole log in hand. Kept apart from the seeding and data-layer figures, which
 * share nothing with it but the seeded bytes.
 */
import * as Y from 'yjs';
import { SyncLink } from '../../renderer/collab/SyncLink';
import { LiveDeals } from '../../renderer/features/notes/LiveDeals';

/** A full collection, where the browser exposes it (bench/lib/browser.mjs starts Chromium so). */
export const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Uploads the notes document `notes` (an update) to the server as a writer; resolves once stored there. */
export async function uploadNotes(
  notes: Uint8Array,
  serverUrl: string,
  token: string,
  docName: string,
): Promise<number> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, notes);
  const started = performance.now();
  const link = new SyncLink(doc, docName, { serverUrl, token });
  try {
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        const state = link.getState();
        if (state.closedReason) reject(new Error(`[bench] upload closed: ${state.closedReason}`));
        else if (state.status === 'live' && state.unconfirmed === 0) resolve();
      };
      link.subscribe(check);
      check();
    });
  } finally {
    link.destroy();
  }
  return performance.now() - started;
}

/** What a joining client's time went to (ms). */
interface JoinFigures {
  /** From opening the link until every deal has arrived and been read. */
  total: number;
  /** Until the first content arrived: connecting, the server's load and encode, the transfer. */
  wait: number;
  /** Applying what arrived (Yjs decode and integration), summed over the transactions. */
  decode: number;
  /** Reading every deal once it was all there. */
  read: number;
  /** The longest task of the page while joining (the freeze a user of the joining client feels). */
  longest: number;
  /**
   * The same client connecting again with the whole log already in hand (a returning device, after its
   * local copy loaded): from opening the link until it is live; and the bytes that took.
   */
  rejoin: number;
  rejoinReceived: number;
  /** Bytes the joining client's socket received (what a slow connection would have to carry). */
  received: number;
}

/** A second client joins: from opening the link until every deal has arrived and been read the app's way. */
export async function join(size: number, serverUrl: string, token: string, docName: string): Promise<JoinFigures> {
  // A joining device starts without the garbage of the joins measured before this one (see bench/lib/browser.mjs).
  collect();
  const doc = new Y.Doc();
  const started = performance.now();
  let firstContent = Number.NaN;
  let decode = 0;
  let transactionStart = 0;
  doc.on('beforeTransaction', () => {
    transactionStart = performance.now();
    if (Number.isNaN(firstContent)) firstContent = transactionStart;
  });
  doc.on('afterTransaction', () => void (decode += performance.now() - transactionStart));
  let longest = 0;
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  tasks.observe({ type: 'longtask' });
  let received = 0;
  class CountingSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => (received += event.data.byteLength));
    }
  }
  const link = new SyncLink(doc, docName, { serverUrl, token, WebSocketImpl: CountingSocket });
  let read: number;
  try {
    await whenLive(link);
    // Read as the app reads a log that is already there (the review opening on it): in slices, one per task.
    const readStarted = performance.now();
    const live = new LiveDeals(doc);
    const count = await new Promise<number>((resolve) => {
      const check = (): void => {
        const snapshot = live.getSnapshot();
        if (snapshot.complete) resolve(snapshot.deals.length);
      };
      live.subscribe(check);
      check();
    });
    live.dispose();
    read = performance.now() - readStarted;
    if (count !== size) throw new Error(`[bench] the joining client has ${count} of ${size} deals`);
  } finally {
    link.destroy();
  }
  const total = performance.now() - started;
  const receivedOnJoin = received;
  const rejoinStarted = performance.now();
  const again = new SyncLink(doc, docName, { serverUrl, token, WebSocketImpl: CountingSocket });
  try {
    await whenLive(again);
  } finally {
    again.destroy();
  }
  const rejoin = performance.now() - rejoinStarted;
  // Long tasks are reported after they end: one more task lets the last of them arrive.
  await new Promise((resolve) => setTimeout(resolve, 0));
  for (const entry of tasks.takeRecords()) longest = Math.max(longest, entry.duration);
  tasks.disconnect();
  return {
    total,
    wait: firstContent - started,
    decode,
    read,
    longest,
    received: receivedOnJoin,
    rejoin,
    rejoinReceived: received - receivedOnJoin,
  };
}

/** Resolves once `link` is live (synced with the server), rejects if the server closed it. */
function whenLive(link: SyncLink): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = (): void => {
      const state = link.getState();
      if (state.closedReason) reject(new Error(`[bench] join closed: ${state.closedReason}`));
      else if (state.status === 'live') resolve();
    };
    link.subscribe(check);
    check();
  });
}
