/**
 * A small external store of the narratives' fields for the React chrome around each section. It is fed by
 * one editor update listener and only notifies the sections whose fields actually changed, so typing in
 * one narrative does not re-render the chrome of the other two hundred.
 */
import type { NarrativeSummary } from '@shared/domain/narrative';

/** What the chrome of one narrative needs. */
export interface NarrativeChromeEntry {
  key: string;
  summary: NarrativeSummary;
  meta: HTMLElement;
  proof: HTMLElement;
}

function sameSummary(a: NarrativeSummary, b: NarrativeSummary): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.status === b.status &&
    a.persona === b.persona &&
    a.stage === b.stage &&
    a.owner === b.owner &&
    a.proofPoints.length === b.proofPoints.length &&
    a.proofPoints.every((p, i) => p === b.proofPoints[i])
  );
}

/** Entries keyed by node key, with per-key and list subscriptions. */
export class NarrativeChromeStore {
  private entries = new Map<string, NarrativeChromeEntry>();
  private keys: string[] = [];
  private readonly keyListeners = new Map<string, Set<() => void>>();
  private readonly listListeners = new Set<() => void>();

  /** Replaces one entry; notifies its subscribers only if something visible changed. */
  set(entry: NarrativeChromeEntry): void {
    const previous = this.entries.get(entry.key);
    if (previous && previous.meta === entry.meta && sameSummary(previous.summary, entry.summary)) return;
    this.entries.set(entry.key, entry);
    if (!previous) this.setKeys([...this.keys, entry.key]);
    for (const listener of this.keyListeners.get(entry.key) ?? []) listener();
  }

  /** Removes an entry. */
  delete(key: string): void {
    if (!this.entries.delete(key)) return;
    this.setKeys(this.keys.filter((k) => k !== key));
  }

  private setKeys(keys: string[]): void {
    this.keys = keys;
    for (const listener of this.listListeners) listener();
  }

  /** The entry for a node key. */
  get(key: string): NarrativeChromeEntry | undefined {
    return this.entries.get(key);
  }

  /** Keys of all entries (stable array identity between changes, for useSyncExternalStore). */
  getKeys(): string[] {
    return this.keys;
  }

  /** Subscribes to one entry; returns the disposer. */
  subscribeKey(key: string, listener: () => void): () => void {
    let set = this.keyListeners.get(key);
    if (!set) this.keyListeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Subscribes to the list of keys; returns the disposer. */
  subscribeList(listener: () => void): () => void {
    this.listListeners.add(listener);
    return () => this.listListeners.delete(listener);
  }
}
