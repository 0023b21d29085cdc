/**
 * The open workspace as a small external store. Loads run one after another: each waits until the
 * workspace open before it is closed — every pending change stored — before it reads anything, so
 * reopening the same workspace reads what was just typed. A load replaced by a newer one before it
 * finished closes what it opened instead of showing it (nothing stays open unseen, holding a sync link).
 */
import type { WorkspaceRef } from '@shared/domain/settings';
import type { AppError } from '@shared/result';
import type { DocStore } from '../../platform/DocStore';
import { measurePhase } from '../../platform/measurePhase';
import { Workspace, type SyncTarget } from '../workspace/Workspace';

/** The open workspace, or why it could not be opened. */
export type WorkspaceState =
  | { status: 'none' }
  | { status: 'loading'; ref: WorkspaceRef }
  | { status: 'open'; ref: WorkspaceRef; workspace: Workspace; syncProblem: string | null }
  | { status: 'unreadable'; ref: WorkspaceRef; error: AppError };

/** Where a workspace syncs, or why it cannot (the invite token is missing): read before it opens. */
export type ResolveSync = (ref: WorkspaceRef) => Promise<{ sync: SyncTarget | null; problem: string | null }>;

/** Opens, reopens and closes the one workspace on screen. */
export class WorkspaceStore {
  private state: WorkspaceState = { status: 'none' };
  private readonly listeners = new Set<() => void>();
  /** The workspace opened last, until its close starts (the state already says "loading" by then). */
  private opened: Workspace | null = null;
  private chain: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor(
    private readonly store: DocStore,
    private readonly resolveSync: ResolveSync,
  ) {}

  /** The state now. */
  readonly get = (): WorkspaceState => this.state;

  /** Calls `listener` after every change; returns the disposer. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(state: WorkspaceState): void {
    this.state = state;
    for (const listener of [...this.listeners]) listener();
  }

  /**
   * Closes the open workspace (storing what is pending), then opens `ref` — with `recover`, relisting the
   * playbooks found on this device first. `prepare` runs on the opened workspace before it is shown (the
   * start opens the playbook the screen will show, so the first render holds its editor). Resolves when
   * this load is shown, or was replaced by a newer one.
   */
  load(ref: WorkspaceRef, recover = false, prepare?: (workspace: Workspace) => Promise<unknown>): Promise<void> {
    const generation = ++this.generation;
    const started = performance.now();
    this.set({ status: 'loading', ref });
    const current = (): boolean => generation === this.generation;
    const run = this.chain.then(async () => {
      const previous = this.opened;
      this.opened = null;
      await previous?.close();
      if (!current()) return; // a newer load follows: it opens, not this one
      const { sync, problem } = await this.resolveSync(ref);
      const opened = await Workspace.open(this.store, ref, sync);
      if (opened.ok && recover) await opened.value.recoverPlaybooks();
      if (opened.ok && prepare) await prepare(opened.value);
      if (!current()) {
        if (opened.ok) await opened.value.close();
        return;
      }
      if (opened.ok) this.opened = opened.value;
      measurePhase('open:workspace', started);
      this.set(
        opened.ok
          ? { status: 'open', ref, workspace: opened.value, syncProblem: problem }
          : { status: 'unreadable', ref, error: opened.error },
      );
    });
    // A failed load must not block the next one; its caller still sees the failure.
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Opens the workspace on screen again from storage (after an import or a repair). */
  async reload(): Promise<void> {
    const state = this.state;
    if (state.status === 'open' || state.status === 'unreadable') await this.load(state.ref);
  }

  /** Sets an unreadable directory aside and rebuilds it from the playbooks on this device. */
  async repairDirectory(): Promise<void> {
    const state = this.state;
    if (state.status !== 'unreadable') return;
    await this.store.setAside(`${state.ref.id}/directory`, state.error.message);
    await this.load(state.ref, true);
  }
}
