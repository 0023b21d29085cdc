/**
 * Writes CRM deals into a notes document — the only place the runner changes deals. Keyed by CRM id (like
 * the CSV import), so a page applied twice changes nothing the second time. Who owns what:
 * - the CRM owns account, deal name, stage, outcome, amount and currency, close date, competitor and the
 *   "Loss reason:" line of the note: a CRM change overwrites Duet's value;
 * - Duet owns the narratives' receptions, the persona, the rest of the note and the perspective. Narratives
 *   the CRM names that the deal lacks are added (as "neutral"); the CRM never removes one (with write-back
 *   on, Duet's list is written to the CRM instead).
 * A deal belongs to the member whose e-mail is the CRM owner's (so that salesperson may edit it, the
 * server's authorship rule), else to no member (storytellers moderate it). When the CRM gives the deal to
 * another owner, the deal moves: its record is rewritten in the new owner's name (the runner writes as the
 * server, so no member guard applies to it), and from then on the server lets only the new owner change it.
 * An owner the CRM names without an e-mail Duet can read leaves the deal where it is.
 * A deal deleted in the CRM is hidden (`crmDeletedMap`), not removed: it leaves the figures, and a restore
 * from the CRM's recycle bin (which the CRM reports as a change) brings it back with Duet's notes intact.
 */
import * as Y from 'yjs';
import { DEAL_LIMITS, type DealEntry, type DealInput, type NarrativeUse } from '@shared/domain/deal';
import { newId } from '@shared/domain/ids';
import { crmDeletedMap, dealEntriesMap, updateDeal, validateDealInput, type Writer } from '@shared/collab/notes';
import { fromStored, readAllDealRecords, readDealRecord, recordOf, toStored } from '@shared/collab/dealRecords';
import { matchNarratives, type NarrativeRef } from '@shared/collab/playbookNarratives';
import type { CrmDeal } from './CrmConnector';

/** The Yjs origin of the runner's writes: its own observer skips them, so a sync never triggers a write-back. */
export const CRM_ORIGIN = Symbol('crm');

/** A member a CRM owner can be matched to. */
export interface CrmOwner {
  id: string;
  name: string;
}

/** What writing needs besides the deals. */
export interface CrmWriteContext {
  /** "HubSpot": the author of CRM changes in the edit history, and of deals no member owns. */
  label: string;
  narratives: readonly NarrativeRef[];
  /** Active members by lower-case e-mail. */
  owners: ReadonlyMap<string, CrmOwner>;
  now: number;
}

/** What one page did. */
export interface CrmWriteSummary {
  added: number;
  updated: number;
  /** Deals hidden because the CRM deleted them, and deals shown again because the CRM restored them. */
  deleted: number;
  restored: number;
  /** Deals that moved to another member because their CRM owner changed. */
  moved: number;
  /** CRM deals Duet could not accept (e.g. no name at all), by CRM id with the reason. */
  rejected: { crmId: string; reason: string }[];
  /** CRM narrative values that match no narrative of the playbook. */
  unknownNarratives: string[];
}

const LOSS_LINE = /^Loss reason: .*$/m;

/** CRM id → deal id of every deal in the log that carries one (hidden ones too: a restore finds them). */
export function indexCrmDeals(doc: Y.Doc): Map<string, string> {
  const index = new Map<string, string>();
  for (const deal of readAllDealRecords(doc, { withCrmDeleted: true }))
    if (deal.crmId !== '') index.set(deal.crmId, deal.id);
  return index;
}

/** How many CRM deals the review shows: those indexed less those the CRM deleted. */
export function visibleCrmDeals(doc: Y.Doc, index: ReadonlyMap<string, string>): number {
  const deleted = crmDeletedMap(doc);
  if (deleted.size === 0) return index.size; // the usual case: no walk over 20,000 ids after every page
  let hidden = 0;
  for (const id of index.values()) if (deleted.has(id)) hidden++;
  return index.size - hidden;
}

/**
 * Gives a deal to another owner (a member, or none): its creation record is written again with the new
 * author — the record is what the server's authorship guard reads — keeping every other value as it was.
 */
function moveDeal(doc: Y.Doc, id: string, author: string, authorId: string | null): void {
  const stored = fromStored(dealEntriesMap(doc).get(id));
  if (typeof stored !== 'object' || stored === null) return;
  const record: Record<string, unknown> = { ...(stored as Record<string, unknown>), author };
  if (authorId === null) delete record.authorId;
  else record.authorId = authorId;
  dealEntriesMap(doc).set(id, toStored(record));
}

const clip = (text: string, max: number) => text.trim().slice(0, max).trim();

function noteWithLossReason(note: string, lossReason: string): string {
  const line = lossReason === '' ? '' : `Loss reason: ${clip(lossReason, 300)}`;
  if (LOSS_LINE.test(note)) return note.replace(LOSS_LINE, line).replace(/^\n+|\n+$/g, '');
  return line === '' ? note : note === '' ? line : `${line}\n${note}`;
}

/** The CRM-owned fields of a deal, in Duet's schema. */
function crmFields(deal: CrmDeal): Omit<DealInput, 'narratives' | 'note' | 'persona' | 'perspective'> {
  const dealName = clip(deal.dealName, DEAL_LIMITS.dealName);
  return {
    account: clip(deal.account, DEAL_LIMITS.account) || dealName || `CRM deal ${deal.crmId}`.slice(0, 200),
    dealName,
    crmId: clip(deal.crmId, DEAL_LIMITS.crmId),
    amount: deal.amount !== null && deal.amount >= 0 && deal.amount <= DEAL_LIMITS.amount ? deal.amount : null,
    currency: /^[A-Z]{3}$/.test(deal.currency) ? deal.currency : 'USD',
    stage: clip(deal.stage, DEAL_LIMITS.stage),
    outcome: deal.outcome,
    competitor: clip(deal.competitor, DEAL_LIMITS.competitor),
    closeDate: deal.closeDate,
  };
}

function addedNarratives(current: readonly NarrativeUse[], ids: readonly string[]): NarrativeUse[] | null {
  const have = new Set(current.map((u) => u.narrativeId));
  const extra = ids
    .filter((id) => !have.has(id))
    .map((narrativeId) => ({ narrativeId, reception: 'neutral' as const }));
  if (extra.length === 0) return null;
  return [...current, ...extra].slice(0, DEAL_LIMITS.narratives);
}

/** The patch a CRM deal makes to the deal Duet holds (empty when nothing CRM-owned changed). */
function patchFor(current: DealEntry, fields: ReturnType<typeof crmFields>, ids: string[], lossReason: string) {
  const patch: Partial<DealInput> = {};
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][])
    if (current[key] !== value) (patch as Record<string, unknown>)[key] = value;
  const narratives = addedNarratives(current.narratives, ids);
  if (narratives) patch.narratives = narratives;
  const note = noteWithLossReason(current.note, lossReason).slice(0, DEAL_LIMITS.note);
  if (note !== current.note) patch.note = note;
  return patch;
}

/** Applies one page in one transaction (one update: stored, then relayed to every open client). */
export function writeCrmDeals(
  doc: Y.Doc,
  deals: readonly CrmDeal[],
  index: Map<string, string>,
  context: CrmWriteContext,
  deletedIds: readonly string[] = [],
): CrmWriteSummary {
  const summary: CrmWriteSummary = {
    added: 0,
    updated: 0,
    deleted: 0,
    restored: 0,
    moved: 0,
    rejected: [],
    unknownNarratives: [],
  };
  const crmWriter: Writer = { author: context.label, authorId: null, moderator: true, now: context.now };
  const hidden = crmDeletedMap(doc);
  doc.transact(() => {
    for (const crmId of deletedIds) {
      const id = index.get(crmId);
      if (id === undefined || hidden.has(id)) continue; // never logged, or already hidden
      hidden.set(id, toStored({ at: context.now, by: context.label }));
      summary.deleted++;
    }
    for (const deal of deals) {
      const matched = matchNarratives(context.narratives, deal.narratives);
      for (const name of matched.unknown)
        if (!summary.unknownNarratives.includes(name)) summary.unknownNarratives.push(name);
      const fields = crmFields(deal);
      const existing = index.get(deal.crmId);
      const current = existing === undefined ? null : readDealRecord(doc, existing, { withCrmDeleted: true });
      if (current !== null) {
        if (hidden.has(current.id)) {
          hidden.delete(current.id); // the CRM reports it again: restored from its recycle bin
          summary.restored++;
        }
        if (deal.ownerEmail !== '') {
          const owner = context.owners.get(deal.ownerEmail.toLowerCase()) ?? null;
          if ((owner?.id ?? null) !== (current.authorId ?? null)) {
            moveDeal(doc, current.id, owner?.name ?? context.label, owner?.id ?? null);
            summary.moved++;
          }
        }
        const patch = patchFor(current, fields, matched.ids, deal.lossReason);
        if (Object.keys(patch).length === 0) continue;
        const result = updateDeal(doc, current.id, patch, crmWriter);
        if (result.ok) summary.updated++;
        else summary.rejected.push({ crmId: deal.crmId, reason: result.error.message });
        continue;
      }
      const input = validateDealInput({
        ...fields,
        persona: '',
        perspective: 'rep',
        note: noteWithLossReason('', deal.lossReason),
        narratives: matched.ids
          .slice(0, DEAL_LIMITS.narratives)
          .map((narrativeId) => ({ narrativeId, reception: 'neutral' })),
      });
      if (!input.ok) {
        summary.rejected.push({ crmId: deal.crmId, reason: input.error.message });
        continue;
      }
      const owner = context.owners.get(deal.ownerEmail.toLowerCase());
      const id = newId('d');
      const record = recordOf(input.value, owner?.name ?? context.label, context.now, owner?.id ?? null);
      dealEntriesMap(doc).set(id, toStored(record));
      index.set(deal.crmId, id);
      summary.added++;
    }
  }, CRM_ORIGIN);
  return summary;
}
