/**
 * Read/write/observe helpers for the `{workspace}/directory` document.
 *
 * Shape: `doc.getMap('playbooks')` maps playbook id → Y.Map of the PlaybookMeta fields. A nested map per
 * playbook (rather than one JSON value) lets a rename on one machine and a template change on another merge.
 */
import * as Y from 'yjs';
import { cleanPlaybookTitle, isPlaybookTemplate, type PlaybookMeta, type PlaybookTemplate } from '../domain/playbook';

const PLAYBOOKS = 'playbooks';

function playbooksMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(PLAYBOOKS);
}

function readEntry(id: string, entry: Y.Map<unknown>): PlaybookMeta {
  const template = entry.get('template');
  const num = (key: string): number => {
    const v = entry.get(key);
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const str = (key: string): string => {
    const v = entry.get(key);
    return typeof v === 'string' ? v : '';
  };
  return {
    id,
    title: cleanPlaybookTitle(str('title')),
    template: isPlaybookTemplate(template) ? template : 'blank',
    owner: str('owner'),
    createdAt: num('createdAt'),
    updatedAt: num('updatedAt'),
  };
}

/** All playbooks of the directory, in no particular order. */
export function readPlaybooks(doc: Y.Doc): PlaybookMeta[] {
  const out: PlaybookMeta[] = [];
  playbooksMap(doc).forEach((entry, id) => {
    if (entry instanceof Y.Map) out.push(readEntry(id, entry));
  });
  return out;
}

/** One playbook's entry, or null when it is not (or no longer) in the directory. */
export function readPlaybook(doc: Y.Doc, id: string): PlaybookMeta | null {
  const entry = playbooksMap(doc).get(id);
  return entry instanceof Y.Map ? readEntry(id, entry) : null;
}

/** Adds a playbook entry. The caller creates the playbook document first so the entry never points at nothing. */
export function addPlaybook(
  doc: Y.Doc,
  meta: { id: string; title: string; template: PlaybookTemplate; owner: string },
  now: number = Date.now(),
): PlaybookMeta {
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('title', cleanPlaybookTitle(meta.title));
    entry.set('template', meta.template);
    entry.set('owner', meta.owner);
    entry.set('createdAt', now);
    entry.set('updatedAt', now);
    playbooksMap(doc).set(meta.id, entry);
  });
  return readEntry(meta.id, entry);
}

/** Renames a playbook; returns false when it does not exist. */
export function renamePlaybook(doc: Y.Doc, id: string, title: string, now: number = Date.now()): boolean {
  const entry = playbooksMap(doc).get(id);
  if (!(entry instanceof Y.Map)) return false;
  doc.transact(() => {
    entry.set('title', cleanPlaybookTitle(title));
    entry.set('updatedAt', now);
  });
  return true;
}

/** Marks a playbook as edited now (the sidebar sorts and shows "edited 2 min ago" from this). */
export function touchPlaybook(doc: Y.Doc, id: string, now: number = Date.now()): void {
  const entry = playbooksMap(doc).get(id);
  if (entry instanceof Y.Map) entry.set('updatedAt', now);
}

/**
 * Removes a playbook from the directory and returns what was removed, so the caller can offer undo.
 * The playbook document itself is kept: deleting the entry is reversible, destroying content is not.
 */
export function removePlaybook(doc: Y.Doc, id: string): PlaybookMeta | null {
  const map = playbooksMap(doc);
  const entry = map.get(id);
  if (!(entry instanceof Y.Map)) return null;
  const meta = readEntry(id, entry);
  map.delete(id);
  return meta;
}

/** Puts back an entry removed by `removePlaybook` (undo of a delete). */
export function restorePlaybook(doc: Y.Doc, meta: PlaybookMeta): void {
  const entry = new Y.Map<unknown>();
  doc.transact(() => {
    entry.set('title', meta.title);
    entry.set('template', meta.template);
    entry.set('owner', meta.owner);
    entry.set('createdAt', meta.createdAt);
    entry.set('updatedAt', meta.updatedAt);
    playbooksMap(doc).set(meta.id, entry);
  });
}

/** Calls `onChange` with the current list now and after every change; returns the disposer. */
export function observePlaybooks(doc: Y.Doc, onChange: (playbooks: PlaybookMeta[]) => void): () => void {
  const map = playbooksMap(doc);
  const handler = (): void => onChange(readPlaybooks(doc));
  map.observeDeep(handler);
  handler();
  return () => map.unobserveDeep(handler);
}
