/**
 * The deal log of a playbook as the review may show it. On a device joining the team, the log arrives from
 * the sync server in pieces over a second or more (23.5 MB at 20,000 deals); counting the deals while they
 * arrive showed a partial win rate — 2,089 deals, then 5,218 — as if it were the team's. Here the log says
 * whether this device has the team's copy yet, and until it has read all of it the review waits.
 */
import { useState } from 'react';
import { useLinkSession, type LinkSession } from '../sync';
import type { DealsSnapshot } from './LiveDeals';
import type { NotesSession } from './NotesSession';
import { useDealLog } from './useDeals';

/**
 * Where this device stands with the team's deal log: `here` (it has it, or the workspace is not synced),
 * `receiving` (the first copy is arriving, or arrived and is being read), `offline` (the server has not been
 * reached since this device started keeping the log: what is here may be only part of it).
 */
export type TeamCopy = 'here' | 'receiving' | 'offline';

/** The deal log of `notes`, its link's status and session, and whether the team's copy is here. */
export function useTeamDealLog(notes: NotesSession | null): {
  dealLog: DealsSnapshot;
  link: LinkSession | null;
  teamCopy: TeamCopy;
} {
  const link = useLinkSession(notes?.link ?? null);
  // Set while this view has seen the link without the server's copy; cleared once the copy is read.
  const [awaiting, setAwaiting] = useState(false);
  const missing = link !== null && !link.received;
  // While pieces arrive, the large log's coalescing spares re-sorting it per piece; once the last is in,
  // what is left is read at once.
  const dealLog = useDealLog(notes, awaiting && !missing);
  // State derived during render (React re-renders at once, before anything is painted).
  if (missing && !awaiting) setAwaiting(true);
  if (!missing && awaiting && dealLog.current) setAwaiting(false);
  // Connected after failed attempts, the link still says "offline" until live: the log is arriving then.
  const teamCopy: TeamCopy = missing
    ? link.status === 'offline' && !link.connected
      ? 'offline'
      : 'receiving'
    : awaiting && !dealLog.current
      ? 'receiving'
      : 'here';
  return { dealLog, link, teamCopy };
}

/** What a figure drawn from the deal log must say instead of, or beside, itself. */
export interface DealLogNote {
  /** Instead of the figure: why there is none yet (the log opened, read, or arriving from the server). */
  pending: string | null;
  /** Beside the figure: why it may count only part of the team's deals (offline before the log arrived). */
  caveat: string | null;
}

/** The note for a log that is `opened` (its document open), read to the end (`complete`), with `teamCopy`. */
export function dealLogNote(opened: boolean, complete: boolean, teamCopy: TeamCopy): DealLogNote {
  const pending = !opened
    ? 'Opening the deal log…'
    : teamCopy === 'receiving'
      ? 'Receiving the team’s deal log…'
      : !complete
        ? 'Reading the deal log…'
        : null;
  return { pending, caveat: teamCopy === 'offline' ? 'Offline: counts only the deals on this device so far' : null };
}
