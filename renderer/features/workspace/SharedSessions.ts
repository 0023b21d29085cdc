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
}

/** Shared sessions of one kind, by document name. */
export class SharedSessions<T extends DocSession> {
  private readonly held = new Map<string, Held<T>>();

  /** `open` loads one document; it runs once per document however many hold it. */
  constructor(private readonly open: (docName: string) => Promise<Result<T>>) {}

  /** The document's session (opening it if nobody holds it); each call needs a `release`. */
  acquire(docName: string): Promise<Result<T>> {
    const existing = this.held.get(docName);
    if (existing) {
      existing.users++;
      return existing.session;
    }
    const entry: Held<T> = { session: this.open(docName), users: 1 };
    // A document that cannot be read is not kept: the next acquire tries again.
    void entry.session.then((opened) => {
      if (!opened.ok && this.held.get(docName) === entry) this.held.delete(docName);
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
