/**
 * The narratives of a playbook document (id and title), read straight from the Yjs structure the Lexical
 * binding writes — without Lexical, so the sync server can read them (the CRM runner matches a CRM's
 * narrative titles to ids with it). The binding stores each element as a `Y.XmlText` embedded in its
 * parent, its node type and properties as attributes (`__type`, `__narrativeId`), and each text node as a
 * `Y.Map` of its properties followed by its characters.
 */
import * as Y from 'yjs';

/** One narrative as the CRM sync needs it. */
export interface NarrativeRef {
  id: string;
  title: string;
}

const ROOT = 'root';
/** Narratives nest no deeper than this in any layout Duet writes; deeper content is not walked. */
const MAX_DEPTH = 8;

function childElements(xml: Y.XmlText): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  for (const op of xml.toDelta() as { insert: unknown }[]) if (op.insert instanceof Y.XmlText) out.push(op.insert);
  return out;
}

function plainText(xml: Y.XmlText, depth = 0): string {
  let text = '';
  for (const op of xml.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert === 'string') text += op.insert;
    else if (op.insert instanceof Y.XmlText && depth < MAX_DEPTH) text += plainText(op.insert, depth + 1);
  }
  return text;
}

function collect(xml: Y.XmlText, out: NarrativeRef[], depth: number): void {
  for (const element of childElements(xml)) {
    if (element.getAttribute('__type') === 'narrative') {
      const id = element.getAttribute('__narrativeId');
      if (typeof id !== 'string' || id === '') continue;
      const title = childElements(element).find((child) => child.getAttribute('__type') === 'narrative-title');
      out.push({ id, title: title ? plainText(title).trim() : '' });
    } else if (depth < MAX_DEPTH) collect(element, out, depth + 1);
  }
}

/** Every narrative of the playbook, in document order. */
export function readPlaybookNarratives(doc: Y.Doc): NarrativeRef[] {
  const out: NarrativeRef[] = [];
  collect(doc.get(ROOT, Y.XmlText), out, 0);
  return out;
}

/**
 * Narrative ids for names a CRM holds: each matched by id first, then by title (case and surrounding space
 * ignored). Names matching nothing are returned apart, so the status can say which were not recognised.
 */
export function matchNarratives(
  narratives: readonly NarrativeRef[],
  names: readonly string[],
): { ids: string[]; unknown: string[] } {
  const byId = new Map(narratives.map((n) => [n.id, n.id]));
  const byTitle = new Map(narratives.filter((n) => n.title !== '').map((n) => [n.title.toLowerCase(), n.id]));
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const id = byId.get(name) ?? byTitle.get(name.trim().toLowerCase());
    if (id === undefined) unknown.push(name);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}
