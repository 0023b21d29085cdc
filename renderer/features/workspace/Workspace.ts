/**
 * One workspace on this device: its directory document (the list of playbooks) and access to its playbooks.
 * Every operation that creates content writes the playbook document first and lists it in the directory
 * second, so the directory never points at a playbook with no content.
 */
import * as Y from 'yjs';
import {
  addPlaybook,
  observePlaybooks,
  readPlaybook,
  readPlaybooks,
  removePlaybook,
  renamePlaybook,
  restorePlaybook,
  touchPlaybook,
} from '@shared/collab/directory';
import {
  approvalsDocName,
  directoryDocName,
  notesDocName,
  parseDocName,
  playbookDocName,
  versionsDocName,
} from '@shared/collab/docNames';
import { readInviteClaims } from '@shared/collab/inviteToken';
import { newId } from '@shared/domain/ids';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { WorkspaceSnapshot } from '@shared/format/workspaceFile';
import { fail, ok, type AppError, type Result } from '@shared/result';
import { LocalPersistence } from '../../collab/LocalPersistence';
import type { LinkFactory } from '../../collab/DocSession';
import type { SyncLink, SyncLinkOptions } from '../../collab/SyncLink';
import type { DocStore } from '../../platform/DocStore';
import { PART_NOT_LOADED, retryingImport } from '../../platform/retryingImport';
import { MeetingDocSession } from '../meetings/MeetingDocSession';
import { NotesSession } from '../notes/NotesSession';
import { VersionsSession } from '../versions/VersionsSession';
import { ApprovalsSession } from '../governance/ApprovalsSession';
import { PlaybookSession } from './PlaybookSession';
import { readDirectory } from './readDirectory';
import { SharedSessions } from './SharedSessions';
import type { NewPlaybook } from './workspaceDocs';

/** The notes' loader (a large deal log is applied in slices), fetched when a playbook's notes first open. */
const loadNotesCode = retryingImport(() => import('./loadNotesSession'));
/** Creating, recovering and exporting playbooks (workspaceDocs.ts), fetched when one of them is asked for. */
const loadDocsCode = retryingImport(() => import('./workspaceDocs'));

/** The playbook id of a per-playbook document name (`{workspace}/{kind}/{playbookId}`). */
function idOf(docName: string): string {
  const parsed = parseDocName(docName);
  if (parsed === null) throw new Error(`[workspace] not a document name: ${docName}`);
  return parsed.id;
}

/** Follows an open document; returns what stops following it. */
export type OpenDocWatcher = (docName: string, doc: Y.Doc) => () => void;

/** Where and how a workspace syncs (the server URL and this member's invite token). */
export type SyncTarget = Omit<SyncLinkOptions, 'connect'>;

/** A workspace whose directory could be read (or was set aside and started over). */
export class Workspace {
  private readonly persistence: LocalPersistence;
  private readonly sessions = new Map<string, PlaybookSession>();
  private readonly closing = new Map<string, Promise<void>>(); // closes storing their last writes
  private readonly notes = new SharedSessions<NotesSession>(
    (docName) =>
      loadNotesCode().then(
        ({ loadNotesSession }) => loadNotesSession(this.store, this.id, idOf(docName), this.linkFactory(true)),
        (error: unknown): Result<NotesSession> => {
          console.error('[workspace] the notes code could not be loaded', error);
          return fail('io', PART_NOT_LOADED);
        },
      ),
    (docName, session) => this.announceOpen(docName, session.doc),
  );
  private readonly versions = new SharedSessions<VersionsSession>((docName) =>
    this.openShared(docName, (stored, link) => new VersionsSession(docName, idOf(docName), this.store, stored, link)),
  );
  private readonly approvals = new SharedSessions<ApprovalsSession>((docName) =>
    this.openShared(docName, (stored, link) => new ApprovalsSession(docName, idOf(docName), this.store, stored, link)),
  );
  private readonly meetingDocs = new SharedSessions<MeetingDocSession>((docName) =>
    this.openShared(docName, (stored, link) => new MeetingDocSession(docName, this.store, stored, link)),
  );
  /** The directory's link to the sync server; null for a local-only workspace. */
  readonly directoryLink: SyncLink | null;
  private readonly docWatchers = new Map<OpenDocWatcher, (() => void)[]>();

  private constructor(
    readonly id: string,
    readonly name: string,
    readonly store: DocStore,
    readonly directory: Y.Doc,
    entries: number,
    private readonly sync: SyncTarget | null,
    private readonly Link: typeof SyncLink | null,
  ) {
    this.persistence = new LocalPersistence(store, directoryDocName(id), directory, entries);
    this.directoryLink = sync && Link ? new Link(directory, directoryDocName(id), sync) : null;
  }

  /** Makes the links of this workspace's documents to its server; null for a local-only workspace. */
  private linkFactory(connect: boolean): LinkFactory | null {
    const { sync, Link } = this;
    return sync && Link && ((doc: Y.Doc, name: string) => new Link(doc, name, { ...sync, connect }));
  }

  /**
   * Opens a workspace. Fails with `corrupt` when its directory cannot be read; the caller offers to set
   * the bytes aside, and nothing is written until the user agrees.
   */
  static async open(
    store: DocStore,
    ref: { id: string; name: string },
    sync: SyncTarget | null = null,
  ): Promise<Result<Workspace>> {
    const read = await readDirectory(store, ref.id, sync !== null);
    if (!read.ok) return read;
    const { doc, entries, Link } = read.value;
    return ok(new Workspace(ref.id, ref.name, store, doc, entries, sync, Link));
  }

  /**
   * This person's member id on the workspace's sync server (read from their invite token), null for a local
   * workspace. New deals and notes carry it; the server checks it against the token's signature.
   */
  get memberId(): string | null {
    return this.sync ? (readInviteClaims(this.sync.token)?.memberId ?? null) : null;
  }

  /** Subscribes to the playbook list; returns the disposer. */
  observePlaybooks(onChange: (playbooks: PlaybookMeta[]) => void): () => void {
    return observePlaybooks(this.directory, onChange);
  }

  /** The playbooks listed now (what `observePlaybooks` reports first), for a view's first render. */
  listPlaybooks(): PlaybookMeta[] {
    return readPlaybooks(this.directory);
  }

  /** The directory entry of a playbook. */
  getPlaybook(id: string): PlaybookMeta | null {
    return readPlaybook(this.directory, id);
  }

  /** Creates a playbook from a template (or explicit content) and returns its entry. */
  async createPlaybook(input: NewPlaybook): Promise<PlaybookMeta> {
    const { writeNewPlaybook } = await loadDocsCode();
    const meta = await writeNewPlaybook(this.store, this.directory, this.id, input);
    if (input.id === undefined) this.rememberNew(meta.id);
    return meta;
  }

  /** A playbook created here under a new id: its notes have nothing on the server yet (SyncLink.rememberNew). */
  private rememberNew(playbookId: string): void {
    if (this.sync && this.Link) this.Link.rememberNew(this.sync, notesDocName(this.id, playbookId));
  }

  /** Copies a playbook (content and all) under a new id and a "(copy)" title. */
  async duplicatePlaybook(id: string, owner: string): Promise<Result<PlaybookMeta>> {
    const source = this.getPlaybook(id);
    if (source === null) return fail('not-found', 'That playbook no longer exists.');
    await this.sessions.get(id)?.flush();
    const loaded = await this.store.load(playbookDocName(this.id, id));
    if (!loaded.ok) return loaded;
    const copyId = newId('p');
    if (loaded.value.update) await this.store.append(playbookDocName(this.id, copyId), loaded.value.update);
    this.rememberNew(copyId);
    return ok(
      addPlaybook(this.directory, { id: copyId, title: `${source.title} (copy)`, template: source.template, owner }),
    );
  }

  /** Renames a playbook. */
  renamePlaybook(id: string, title: string): boolean {
    return renamePlaybook(this.directory, id, title);
  }

  /** Removes a playbook from the list (its document is kept, so `restorePlaybook` can undo this). */
  deletePlaybook(id: string): PlaybookMeta | null {
    return removePlaybook(this.directory, id);
  }

  /** Undoes a delete. */
  restorePlaybook(meta: PlaybookMeta): void {
    restorePlaybook(this.directory, meta);
  }

  /** Records that a playbook was just edited. */
  touch(id: string): void {
    touchPlaybook(this.directory, id);
  }

  /** "Retry now": every sync link of this workspace that is waiting to reconnect tries at once. */
  retrySync(): void {
    this.directoryLink?.retryNow();
    for (const session of this.sessions.values()) session.link?.retryNow();
    for (const shared of [this.notes, this.versions, this.approvals, this.meetingDocs])
      void shared.all().then((all) => all.forEach((s) => s.link?.retryNow()));
  }

  /** The playbook's session if it is open already (so a view can show it in its first render), else null. */
  openedPlaybook(id: string): PlaybookSession | null {
    return this.closing.has(id) ? null : (this.sessions.get(id) ?? null);
  }

  /** Opens a playbook for editing; fails with `corrupt` (and writes nothing) when it cannot be read. */
  async openPlaybook(id: string): Promise<Result<PlaybookSession>> {
    await this.closing.get(id); // its last writes first, or this would read the playbook without them
    const existing = this.sessions.get(id);
    if (existing) return ok(existing);
    const docName = playbookDocName(this.id, id);
    // Validated while it is applied (LocalProvider.connect), so a large playbook is decoded only once.
    const loaded = await this.store.load(docName, { validate: false });
    if (!loaded.ok) return loaded;
    const createLink = this.linkFactory(false);
    const session = new PlaybookSession(docName, id, this.store, loaded.value, createLink);
    this.sessions.set(id, session);
    this.announceOpen(docName, session.doc);
    return ok(session);
  }

  /** Closes an open playbook (stores what is pending). */
  async closePlaybook(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return this.closing.get(id);
    this.sessions.delete(id);
    const closed = session.close().finally(() => this.closing.delete(id));
    this.closing.set(id, closed);
    await closed;
  }

  /**
   * Opens the notes document of a playbook (deal log, anchored notes). Several views may hold it at once;
   * each `openNotes` needs a `closeNotes`. Fails with `corrupt` (writing nothing) when it cannot be read.
   */
  openNotes(playbookId: string): Promise<Result<NotesSession>> {
    return this.notes.acquire(notesDocName(this.id, playbookId));
  }

  /** Releases one holder of a notes document; the last one stores what is pending and closes it. */
  closeNotes(playbookId: string): Promise<void> {
    return this.notes.release(notesDocName(this.id, playbookId));
  }

  /**
   * Opens the versions document of a playbook (saved versions). Several views may hold it at once; each
   * `openVersions` needs a `closeVersions`. Fails with `corrupt` (writing nothing) when it cannot be read.
   */
  openVersions(playbookId: string): Promise<Result<VersionsSession>> {
    return this.versions.acquire(versionsDocName(this.id, playbookId));
  }

  /** Releases one holder of a versions document; the last one stores what is pending and closes it. */
  closeVersions(playbookId: string): Promise<void> {
    return this.versions.release(versionsDocName(this.id, playbookId));
  }

  /**
   * Opens a document of the joint reviews (`goalsDocName`, `meetingsLedgerDocName`, `meetingDocName`). Several
   * views may hold one at once; each open needs a `closeMeetingDoc`. Fails with `corrupt` when unreadable.
   */
  openMeetingDoc(docName: string): Promise<Result<MeetingDocSession>> {
    return this.meetingDocs.acquire(docName);
  }

  /** Releases one holder of a meetings document; the last one stores what is pending and closes it. */
  closeMeetingDoc(docName: string): Promise<void> {
    return this.meetingDocs.release(docName);
  }

  /**
   * Opens the approvals document of a playbook (storytellers' decisions). Shared like `openVersions`; each
   * `openApprovals` needs a `closeApprovals`.
   */
  openApprovals(playbookId: string): Promise<Result<ApprovalsSession>> {
    return this.approvals.acquire(approvalsDocName(this.id, playbookId));
  }

  /** Releases one holder of an approvals document; the last one stores what is pending and closes it. */
  closeApprovals(playbookId: string): Promise<void> {
    return this.approvals.release(approvalsDocName(this.id, playbookId));
  }

  /** Loads a shared document and builds its session, linked to the server when the workspace syncs. */
  private async openShared<T>(
    docName: string,
    create: (stored: { update: Uint8Array | null; entries: number }, link: LinkFactory | null) => T,
  ): Promise<Result<T>> {
    const createLink = this.linkFactory(true);
    const loaded = await this.store.load(docName);
    return loaded.ok ? ok(create(loaded.value, createLink)) : loaded;
  }

  /**
   * Lists again every playbook whose document is on this device but missing from the directory — after the
   * directory itself was unreadable and set aside. Titles come from each document (its first heading, else
   * its first narrative). Returns how many were listed.
   */
  async recoverPlaybooks(): Promise<number> {
    const { relistPlaybooks } = await loadDocsCode();
    return relistPlaybooks(this.store, this.directory, this.id);
  }

  /** Moves an unreadable playbook's bytes aside and gives it a fresh, empty document. */
  async setAsidePlaybook(id: string, error: AppError): Promise<void> {
    await this.store.setAside(playbookDocName(this.id, id), error.message);
  }

  /** Everything this workspace holds, as stored now (pending edits are flushed first). */
  async snapshot(): Promise<Result<WorkspaceSnapshot>> {
    await this.persistence.flush();
    await Promise.all([...this.sessions.values()].map((s) => s.flush()));
    for (const shared of [this.notes, this.versions, this.approvals, this.meetingDocs])
      await Promise.all((await shared.all()).map((session) => session.flush()));
    const { readStoredDocs } = await loadDocsCode();
    const docs = await readStoredDocs(this.store, this.id);
    if (!docs.ok) return docs;
    return ok({ workspace: { id: this.id, name: this.name }, exportedAt: Date.now(), docs: docs.value });
  }

  /**
   * Merges a snapshot of this same workspace into it. Yjs merges are lossless: nothing here is overwritten,
   * content on both sides is kept.
   */
  async mergeSnapshot(snapshot: WorkspaceSnapshot): Promise<void> {
    for (const [name, update] of snapshot.docs) {
      const parsed = parseDocName(name);
      if (parsed === null || parsed.workspaceId !== this.id) continue;
      if (parsed.kind === 'directory') Y.applyUpdate(this.directory, update);
      else if (parsed.kind === 'playbook' && this.sessions.has(parsed.id)) {
        Y.applyUpdate(this.sessions.get(parsed.id)!.doc, update);
      } else {
        const held =
          this.notes.get(name) ?? this.versions.get(name) ?? this.approvals.get(name) ?? this.meetingDocs.get(name);
        const opened = held ? await held : null;
        if (opened?.ok) Y.applyUpdate(opened.value.doc, update);
        else await this.store.append(name, update);
      }
    }
    await this.persistence.flush();
  }

  /** Writes every pending change of the directory and the open playbooks now. */
  async flushAll(): Promise<void> {
    await Promise.all([this.persistence.flush(), ...[...this.sessions.values()].map((s) => s.flush())]);
  }

  /**
   * Calls `watch` for every playbook and notes document open now and for each one opened later (search
   * follows their updates); the disposers `watch` returns run when the watcher is removed. Returns that.
   */
  watchOpenDocs(watch: OpenDocWatcher): () => void {
    const disposers: (() => void)[] = [];
    this.docWatchers.set(watch, disposers);
    for (const session of this.sessions.values()) disposers.push(watch(session.docName, session.doc));
    for (const session of this.notes.openedNow()) disposers.push(watch(session.docName, session.doc));
    return () => {
      this.docWatchers.delete(watch);
      for (const dispose of disposers) dispose();
    };
  }

  private announceOpen(docName: string, doc: Y.Doc): void {
    for (const [watch, disposers] of this.docWatchers) disposers.push(watch(docName, doc));
  }

  /** Stores everything pending and closes every open document. */
  async close(): Promise<void> {
    await Promise.all([...this.sessions.keys(), ...this.closing.keys()].map((id) => this.closePlaybook(id)));
    await Promise.all([
      this.notes.closeAll(),
      this.versions.closeAll(),
      this.approvals.closeAll(),
      this.meetingDocs.closeAll(),
    ]);
    this.directoryLink?.destroy();
    await this.persistence.dispose();
    this.directory.destroy();
  }
}
