/**
 * The saved versions of one playbook, over its versions document: list, save, load (inflating a version's
 * content only when someone compares or restores it, and once), and the version in force for a deal.
 * Saves run one after another, so each knows exactly which narratives changed since the one before.
 */
import * as Y from 'yjs';
import {
  addVersion,
  observeVersions,
  readVersionBlob,
  readVersions,
  versionMetaSchema,
  type VersionKind,
  type VersionMeta,
} from '@shared/collab/versions';
import type { DealInput } from '@shared/domain/deal';
import { newId } from '@shared/domain/ids';
import { fail, ok, type Result } from '@shared/result';
import { versionInForce } from '@shared/versions/attribution';
import { changedNarratives } from '@shared/versions/changedNarratives';
import {
  contentNarratives,
  decodeVersionContent,
  encodeVersionContent,
  type VersionContent,
} from '@shared/versions/versionContent';

/** What a caller supplies to save a version. */
export interface SaveVersionInput {
  content: VersionContent;
  name: string;
  note?: string;
  author: string;
  kind: VersionKind;
  restoredFrom?: string;
  /** When set, nothing is saved if no narrative changed since the latest version (automatic versions). */
  onlyIfChanged?: boolean;
}

/** Access to one playbook's versions. */
export class VersionLibrary {
  private readonly contents = new Map<string, Promise<VersionContent | null>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly doc: Y.Doc) {}

  /** Every version, oldest first. */
  list(): VersionMeta[] {
    return readVersions(this.doc);
  }

  /** Subscribes to the list; returns the disposer. */
  observe(onChange: (versions: VersionMeta[]) => void): () => void {
    return observeVersions(this.doc, onChange);
  }

  /** A version's content (inflated once, then cached); null when it is missing or unreadable. */
  load(id: string): Promise<VersionContent | null> {
    let content = this.contents.get(id);
    if (!content) {
      const blob = readVersionBlob(this.doc, id);
      content = blob ? decodeVersionContent(blob) : Promise.resolve(null);
      this.contents.set(id, content);
    }
    return content;
  }

  /** Saves a version; `invalid-input` when the name or note is not acceptable; null when nothing changed. */
  save(input: SaveVersionInput, now: number = Date.now()): Promise<Result<VersionMeta | null>> {
    const run = this.queue.then(() => this.saveNow(input, now));
    this.queue = run.catch(() => {}); // a failed save must not block the next; the caller still sees it
    return run;
  }

  private async saveNow(input: SaveVersionInput, now: number): Promise<Result<VersionMeta | null>> {
    const previous = this.list().at(-1);
    const before = previous ? await this.load(previous.id) : null;
    const { changed, removed } = changedNarratives(before, input.content);
    if (input.onlyIfChanged && previous && changed.length === 0 && removed.length === 0) return ok(null);
    const record = versionMetaSchema.safeParse({
      name: input.name,
      note: input.note ?? '',
      author: input.author.slice(0, 80),
      createdAt: Math.max(now, previous?.createdAt ?? 0),
      kind: input.kind,
      changed,
      removed,
      narrativeCount: contentNarratives(input.content).length,
      ...(input.restoredFrom ? { restoredFrom: input.restoredFrom } : {}),
    });
    if (!record.success) return fail('invalid-input', record.error.issues[0]?.message ?? 'That version is not valid.');
    const meta: VersionMeta = { ...record.data, id: newId('v') };
    const bytes = await encodeVersionContent(input.content);
    addVersion(this.doc, meta, bytes);
    this.contents.set(meta.id, Promise.resolve(input.content));
    return ok(meta);
  }

  /** Records, per narrative a deal cites, the version of it in force now (deals logged from here on). */
  stampDeal(input: DealInput, now: number = Date.now()): DealInput {
    const versions = this.list();
    return {
      ...input,
      narratives: input.narratives.map((use) => {
        const entry = versionInForce(versions, use.narrativeId, now);
        return entry ? { ...use, versionId: entry.version.id } : use;
      }),
    };
  }
}
