/**
 * Who acts on the deal log and whose deals they may change — the app's half of the authorship rule the
 * server enforces on every update (server/sync/guardNotesUpdate.ts): member ids where a server vouches,
 * names only in a local workspace, storytellers moderating.
 */
import type * as Y from 'yjs';
import type { DealEntry } from '../domain/deal';
import { migrateLegacyDeals } from './legacyDeals';

/** Who is acting on the deal log: what decides whose deals they may change. */
export interface DealActor {
  /** Display name, written into new deals and history records. */
  author: string;
  /** Member id the sync server vouches for; null or absent in a workspace no server knows yet. */
  authorId?: string | null;
  /** True for a storyteller: may change and delete what others wrote (the server agrees). */
  moderator?: boolean;
}

/** Who is writing, and when (epoch ms); passed in so tests and imports control both. */
export interface Writer extends DealActor {
  now: number;
}

/**
 * True when `actor` may change or delete `deal` — the server's rule: a moderator always; with a member id,
 * only deals carrying that id; in a workspace no server vouches for, deals of the same name without an id.
 */
export function canEditDeal(deal: Pick<DealEntry, 'author' | 'authorId'>, actor: DealActor): boolean {
  if (actor.moderator) return true;
  if (actor.authorId) return deal.authorId === actor.authorId;
  return deal.authorId === undefined && deal.author === actor.author && actor.author !== '';
}

/**
 * Layout-1 deals carry no author id, so moving them is moderation: only a moderator, or a writer no server
 * vouches for, migrates (the server would refuse anyone else's migration, and their other changes with it).
 */
export function migrateIfAllowed(doc: Y.Doc, writer: DealActor): void {
  if (writer.moderator || !writer.authorId) migrateLegacyDeals(doc);
}
