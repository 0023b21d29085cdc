/**
 * Read/write/observe helpers for `{workspace}/versions/{playbookId}`: the saved versions of one playbook.
 *
 * Shape: `Y.Map` `versions` maps version id → a small JSON record (`VersionMeta`: name, note, who, when,
 * kind, which narratives changed); `Y.Map` `contents` maps version id → the compressed content blob
 * (`shared/versions/versionContent.ts`). The history list reads only the records, never the blobs; a blob is
 * inflated when someone compares or restores. Versions are immutable once written, so two people saving at
 * once simply both add a version. The server lets storytellers and marketing write this document.
 */
import * as Y from 'yjs';
import { z } from '../zod';
import { isValidId } from '../domain/ids';

const VERSIONS = 'versions';
const CONTENTS = 'contents';

/** Why a version was taken. */
export const VERSION_KINDS = ['manual', 'approval', 'daily', 'restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** Limits on what people (or peers) can put in a version record. */
export const VERSION_LIMITS = { name: 120, note: 1000, author: 80, narratives: 5000 } as const;

const idList = z
  .array(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)))
  .check(z.maxLength(VERSION_LIMITS.narratives));

/** The record of a version: everything the history list shows, without the content. */
export const versionMetaSchema = z.object({
  name: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Name the version.'),
      z.maxLength(VERSION_LIMITS.name, `At most ${VERSION_LIMITS.name} characters.`),
    ),
  note: z.string().check(z.trim(), z.maxLength(VERSION_LIMITS.note, `At most ${VERSION_LIMITS.note} characters.`)),
  author: z.string().check(z.maxLength(VERSION_LIMITS.author)),
  createdAt: z.number().check(z.nonnegative()),
  kind: z.enum(VERSION_KINDS),
  /** Narratives added or changed since the previous version (all of them in the first). */
  changed: idList,
  /** Narratives present in the previous version and gone in this one. */
  removed: idList,
  /** How many narratives the version holds. */
  narrativeCount: z.int().check(z.nonnegative()),
  /** For a restore: the version that was brought back. */
  restoredFrom: z.optional(z.string()),
});

/** A version's record with its id. */
export type VersionMeta = z.infer<typeof versionMetaSchema> & { id: string };

function versionsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(VERSIONS);
}

function contentsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(CONTENTS);
}

/** Every valid version record, oldest first (ties by id, so every device orders them alike). */
export function readVersions(doc: Y.Doc): VersionMeta[] {
  const out: VersionMeta[] = [];
  versionsMap(doc).forEach((value, id) => {
    if (!isValidId(id)) return;
    const parsed = versionMetaSchema.safeParse(value);
    if (parsed.success) out.push({ ...parsed.data, id });
  });
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Subscribes to the version list; returns the disposer. */
export function observeVersions(doc: Y.Doc, onChange: (versions: VersionMeta[]) => void): () => void {
  const map = versionsMap(doc);
  const handle = (): void => onChange(readVersions(doc));
  map.observe(handle);
  return () => map.unobserve(handle);
}

/** Adds a version (record and content blob in one transaction, so no peer sees one without the other). */
export function addVersion(doc: Y.Doc, meta: VersionMeta, content: Uint8Array): void {
  const { id, ...record } = meta;
  if (!isValidId(id) || versionsMap(doc).has(id)) throw new Error(`[versions] bad or taken version id ${id}`);
  doc.transact(() => {
    contentsMap(doc).set(id, content);
    versionsMap(doc).set(id, record);
  });
}

/** The stored content blob of a version, or null (unknown id, or not yet arrived from the server). */
export function readVersionBlob(doc: Y.Doc, id: string): Uint8Array | null {
  const value = contentsMap(doc).get(id);
  return value instanceof Uint8Array ? value : null;
}

/** "v3": versions are numbered in the order they were taken. */
export function versionLabel(versions: readonly VersionMeta[], id: string): string {
  const index = versions.findIndex((v) => v.id === id);
  return index < 0 ? 'an unknown version' : `v${index + 1}`;
}
