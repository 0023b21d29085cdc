/**
 * Compares two versions (or a version and the playbook now) narrative by narrative: which were added,
 * removed, moved or changed, and inside a changed one a word-level diff of its texts and the fields that
 * changed. The diffing itself is the `diff` library's (Myers' algorithm), never hand-written.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';
import type { NarrativeFields } from '../domain/narrative';
import { narrativeView, plainText, type NarrativeView } from './narrativeView';
import { contentNarratives, type NarrativeContentNode, type VersionContent } from './versionContent';

/** A run of text that is common, inserted or deleted. */
export interface TextPart {
  value: string;
  kind: 'same' | 'inserted' | 'deleted';
}

/** The texts of a narrative that are diffed word by word. */
export const DIFFED_TEXTS = ['title', 'keyMessage', 'body', 'proofPoints'] as const;
export type DiffedText = (typeof DIFFED_TEXTS)[number];

/** The short fields compared as whole values. */
export const COMPARED_FIELDS = ['status', 'persona', 'stage', 'owner'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** One field that changed. */
export interface FieldChange {
  field: ComparedField;
  from: string;
  to: string;
}

/** How one narrative differs between the two sides. */
export interface NarrativeComparison {
  id: string;
  /** The newer side's title (the older one's when the narrative was removed). */
  title: string;
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  /** True when its place among the narratives changed (other than by others being added or removed). */
  moved: boolean;
  fields: FieldChange[];
  /** Word diffs of the texts that differ (absent when that text is equal). */
  texts: Partial<Record<DiffedText, TextPart[]>>;
  /** True when only formatting (bold, links, block types) changed, not words or fields. */
  formattingOnly: boolean;
}

/** A whole comparison, narratives in the newer side's order with removed ones at their old place. */
export interface VersionComparison {
  narratives: NarrativeComparison[];
  counts: Record<'added' | 'removed' | 'changed' | 'moved', number>;
}

function textOf(view: NarrativeView, key: DiffedText): string {
  return key === 'proofPoints' ? view.proofPoints.join('\n') : view[key];
}

/** A word-level diff; whitespace is kept so line breaks between blocks survive. */
export function diffText(before: string, after: string): TextPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    value: c.value,
    kind: c.added ? 'inserted' : c.removed ? 'deleted' : 'same',
  }));
}

function fieldChanges(a: NarrativeFields, b: NarrativeFields): FieldChange[] {
  return COMPARED_FIELDS.filter((f) => a[f] !== b[f]).map((f) => ({ field: f, from: a[f], to: b[f] }));
}

export { changedNarratives } from './changedNarratives';

function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const inBoth = new Set(after.filter((id) => before.includes(id)));
  const a = before.filter((id) => inBoth.has(id));
  const b = after.filter((id) => inBoth.has(id));
  // Ids outside the longest common subsequence of the shared order are the ones that moved.
  const moved = new Set<string>();
  for (const change of diffArrays(a, b)) if (change.added) for (const id of change.value) moved.add(id);
  return moved;
}

function compareOne(
  id: string,
  a: NarrativeContentNode | undefined,
  b: NarrativeContentNode | undefined,
): Omit<NarrativeComparison, 'moved'> {
  if (a && b && JSON.stringify(a) === JSON.stringify(b)) {
    // The common case: unchanged. Only its title is needed, so the full view is not built.
    const title = a.children?.find((c) => c.type === 'narrative-title');
    return {
      id,
      title: title ? plainText(title) : '',
      kind: 'unchanged',
      fields: [],
      texts: {},
      formattingOnly: false,
    };
  }
  const va = a ? narrativeView(a) : null;
  const vb = b ? narrativeView(b) : null;
  const title = (vb ?? va)?.title ?? '';
  if (!va || !vb) {
    return { id, title, kind: va ? 'removed' : 'added', fields: [], texts: {}, formattingOnly: false };
  }
  const texts: NarrativeComparison['texts'] = {};
  for (const key of DIFFED_TEXTS) {
    const before = textOf(va, key);
    const after = textOf(vb, key);
    if (before !== after) texts[key] = diffText(before, after);
  }
  const fields = fieldChanges(va, vb);
  const wordsOrFields = fields.length > 0 || Object.keys(texts).length > 0;
  return { id, title, kind: 'changed', fields, texts, formattingOnly: !wordsOrFields };
}

/** Compares `before` (older) with `after` (newer). */
export function compareVersions(before: VersionContent, after: VersionContent): VersionComparison {
  const beforeList = contentNarratives(before);
  const afterList = contentNarratives(after);
  const beforeById = new Map(beforeList.map((n) => [n.narrativeId, n]));
  const afterById = new Map(afterList.map((n) => [n.narrativeId, n]));
  const beforeIds = beforeList.map((n) => n.narrativeId);
  const afterIds = afterList.map((n) => n.narrativeId);
  const moved = movedIds(beforeIds, afterIds);
  // Newer order, with each removed narrative placed after the narrative that preceded it before.
  const order = [...afterIds];
  beforeIds.forEach((id, index) => {
    if (afterById.has(id)) return;
    const previous = index > 0 ? order.indexOf(beforeIds[index - 1]!) : -1;
    order.splice(previous + 1, 0, id);
  });
  const narratives = order.map((id): NarrativeComparison => ({
    ...compareOne(id, beforeById.get(id), afterById.get(id)),
    moved: moved.has(id),
  }));
  const counts = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const n of narratives) {
    if (n.kind !== 'unchanged') counts[n.kind]++;
    if (n.moved) counts.moved++;
  }
  return { narratives, counts };
}
