/**
 * The anchored notes of a playbook's notes document (`{workspace}/notes/{playbookId}`, beside the deal log
 * of notes.ts): `anchors`, a Y.Map noteId → plain object (AnchoredNote), each quoting the narrative text it
 * is about as a W3C text-quote selector (textQuote.ts). Everything read is validated again, as in notes.ts:
 * a peer may run other code. The server holds each note to its author like a deal (guardNotesUpdate.ts).
 */
import type * as Y from 'yjs';
import { isValidId, newId } from '../domain/ids';
import { fail, ok, type Result } from '../result';
import { firstIssue } from '../zod';
import { anchoredNoteSchema, type AnchoredNote } from './textQuote';

const ANCHORS = 'anchors';

/** The anchored notes map of a notes document. */
export function anchorsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ANCHORS);
}

/** Adds an anchored note; fails when it is not valid. */
export function addAnchoredNote(doc: Y.Doc, input: unknown, id: string = newId('a')): Result<AnchoredNote> {
  const parsed = anchoredNoteSchema.safeParse(input);
  if (!parsed.success) return fail('invalid-input', firstIssue(parsed.error));
  anchorsMap(doc).set(id, { ...parsed.data });
  return ok(parsed.data);
}

/** Every valid anchored note with its id, newest first. */
export function readAnchoredNotes(doc: Y.Doc): (AnchoredNote & { id: string })[] {
  const out: (AnchoredNote & { id: string })[] = [];
  for (const [id, value] of anchorsMap(doc)) {
    const parsed = anchoredNoteSchema.safeParse(value);
    if (isValidId(id) && parsed.success) out.push({ ...parsed.data, id });
  }
  return out.sort((a, b) => b.createdAt - a.createdAt);
}

/** Subscribes to the anchored notes (any change); returns the disposer. */
export function observeAnchoredNotes(
  doc: Y.Doc,
  onChange: (notes: (AnchoredNote & { id: string })[]) => void,
): () => void {
  const anchors = anchorsMap(doc);
  const handle = (): void => onChange(readAnchoredNotes(doc));
  anchors.observe(handle);
  return () => anchors.unobserve(handle);
}
