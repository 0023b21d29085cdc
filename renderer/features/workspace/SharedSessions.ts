/**
 * Documents that several views hold at once (a playbook's versions and approvals, the joint reviews'
 * documents): opened on the first `acquire`, shared while anyone holds them, stored and closed when the last
 * holder releases them. One place for the counting, so no kind of document gets it subtly different.
 */
import type { Result } from '@shared/result';
import type { DocSession } from '../../collab/DocSession';

interface Held<T> {
  session: Promise<Result<T>>;
  users: number;
  /** The session once it opened, for callers that must act synchronously (apply an update, watch it). */
  opened: T | null;
}

/** Shared sessions of one kind, by document name. */
export class SharedSessions<T extends DocSession> {
  private readonly held = new Map<string, Held<T>>();

  /**
   * `open` loads one document; it runs once per document however many hold it, and a second holder while
   * it loads (which takes several tasks for a large deal log) waits for the same load. `onOpened` hears of
   * each session once it opened, before any holder gets it.
   */
  constructor(
    private readonly open: (docName: string) => Promise<Result<T>>,
    private readonly onOpened: (docName: string, session: T) => void = () => {},
  ) {}

  /** The document's session (opening it if nobody holds it); each call needs a `release`. */
  acquire(docName: string): Promise<Result<T>> {
    const existing = this.held.get(docName);
    if (existing) {
      existing.users++;
      return existing.session;
    }
    const entry: Held<T> = { session: this.open(docName), users: 1, opened: null };
    // Registered before any holder awaits the session, so this runs first. A document that cannot be read
    // is not kept (the next acquire tries again); one released while it loaded is closed, not announced.
    void entry.session.then((opened) => {
      if (this.held.get(docName) !== entry) return;
      if (!opened.ok) this.held.delete(docName);
      else {
        entry.opened = opened.value;
        this.onOpened(docName, opened.value);
      }
    });
    this.held.set(docName, entry);
    return entry.session;
  }

  /** Releases one holder; the last one stores what is pending and closes the session. */
  async release(docName: string): Promise<void> {
    const entry = this.held.get(docName);
    if (!entry || --entry.users > 0) return;
    this.held.delete(docName);
    const opened = await entry.session;
    if (opened.ok) await opened.value.close();
  }

  /** The session of `docName` while someone holds it (it may still be opening). */
  get(docName: string): Promise<Result<T>> | undefined {
    return this.held.get(docName)?.session;
  }

  /** Every held session that has opened, now (sessions still loading are left out). */
  openedNow(): T[] {
    return [...this.held.values()].flatMap((entry) => (entry.opened ? [entry.opened] : []));
  }

  /** Every session held now that opened. */
  async all(): Promise<T[]> {
    const opened = await Promise.all([...this.held.values()].map((entry) => entry.session));
    return opened.flatMap((result) => (result.ok ? [result.value] : []));
  }

  /** Stores and closes every held session (the workspace is closing). */
  async closeAll(): Promise<void> {
    const all = await this.all();
    this.held.clear();
    await Promise.all(all.map((session) => session.close()));
  }
}
