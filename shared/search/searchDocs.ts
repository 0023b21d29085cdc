/**
 * What the search index holds: one flat record per findable thing (playbook, narrative, deal, anchored
 * note), built from the readers every other feature uses — narratives as the deck export reads them, deals
 * as the notes document stores them — so search shows what the rest of the app shows.
 */
import type { DeckNarrative } from '../deck/deckModel';
import type { DealEntry } from '../domain/deal';
import { DEAL_OUTCOME_LABELS } from '../domain/dealOutcome';
import { BUYING_STAGE_LABELS, NARRATIVE_STATUS_LABELS } from '../domain/narrative';
import type { PlaybookMeta } from '../domain/playbook';
import type { AnchoredNote } from '../collab/textQuote';
import type { SearchKind } from './searchQuery';

/** One record of the index. `id` is unique across kinds and playbooks. */
export interface SearchDoc {
  id: string;
  kind: SearchKind;
  playbookId: string;
  /** The narrative, deal, note or playbook id the result opens. */
  targetId: string;
  /** The narrative a note is anchored to (notes only). */
  narrativeId?: string;
  title: string;
  /** Narratives: the key message; deals: the account. */
  keyMessage: string;
  /** Narratives: the body; deals: the note; notes: the note's text. */
  body: string;
  /** Narratives: proof points; deals: competitor and CRM id; notes: the quoted words. */
  extra: string;
  persona: string;
  stage: string;
  /** Narratives: draft / in-review / approved / retired; deals: their outcome. */
  status: string;
}

/** The fields the engine searches, with how much a match in each counts. */
export const SEARCH_FIELD_BOOSTS = { title: 3, keyMessage: 2, extra: 1.5, body: 1, persona: 1, stage: 1 } as const;

/** The id of a narrative's record. */
export function narrativeDocId(playbookId: string, narrativeId: string): string {
  return `n:${playbookId}:${narrativeId}`;
}

/** A playbook's record (its title). */
export function playbookSearchDoc(meta: Pick<PlaybookMeta, 'id' | 'title'>): SearchDoc {
  const base = { persona: '', stage: '', status: '', keyMessage: '', body: '', extra: '' };
  return { ...base, id: `p:${meta.id}`, kind: 'playbook', playbookId: meta.id, targetId: meta.id, title: meta.title };
}

/** A narrative's record, from the deck export's reading of it. */
export function narrativeSearchDoc(playbookId: string, narrative: DeckNarrative): SearchDoc {
  return {
    id: narrativeDocId(playbookId, narrative.id),
    kind: 'narrative',
    playbookId,
    targetId: narrative.id,
    title: narrative.title,
    keyMessage: narrative.keyMessage,
    body: narrative.body.map((b) => b.text).join('\n'),
    extra: narrative.proofPoints.join('\n'),
    persona: narrative.persona,
    stage: narrative.stage === '' ? '' : BUYING_STAGE_LABELS[narrative.stage],
    status: narrative.status,
  };
}

/** A deal's record. */
export function dealSearchDoc(playbookId: string, deal: DealEntry): SearchDoc {
  return {
    id: `d:${playbookId}:${deal.id}`,
    kind: 'deal',
    playbookId,
    targetId: deal.id,
    title: deal.dealName || deal.account,
    keyMessage: deal.account,
    body: deal.note,
    extra: [deal.competitor, deal.crmId].filter(Boolean).join('\n'),
    persona: deal.persona,
    stage: deal.stage,
    status: deal.outcome,
  };
}

/** An anchored note's record. */
export function noteSearchDoc(playbookId: string, note: AnchoredNote & { id: string }): SearchDoc {
  return {
    id: `a:${playbookId}:${note.id}`,
    kind: 'note',
    playbookId,
    targetId: note.id,
    narrativeId: note.narrativeId,
    title: note.selector.exact,
    keyMessage: '',
    body: note.note,
    extra: note.author,
    persona: '',
    stage: '',
    status: '',
  };
}

/** The short line under a result's title: persona · stage · status, as people read them. */
export function describeSearchDoc(doc: SearchDoc): string {
  const status =
    doc.kind === 'narrative'
      ? (NARRATIVE_STATUS_LABELS as Record<string, string>)[doc.status]
      : doc.kind === 'deal'
        ? (DEAL_OUTCOME_LABELS as Record<string, string>)[doc.status]
        : undefined;
  return [doc.kind === 'deal' ? doc.keyMessage : '', doc.persona, doc.stage, status ?? '']
    .filter((s) => s !== '')
    .join(' · ');
}
