/** React access to a sync link's state (null for local-only documents). */
import { useEffect, useState } from 'react';
import type { LinkState, SyncLink } from '../../collab/SyncLink';

/** The link's current state, re-rendering on every change. */
export function useLinkState(link: SyncLink | null): LinkState | null {
  const [state, setState] = useState<LinkState | null>(() => link?.getState() ?? null);
  useEffect(() => {
    setState(link?.getState() ?? null);
    return link?.subscribe(setState);
  }, [link]);
  return state;
}

/** The current time, re-read every second while `ticking` (for "retrying in 8 s"). */
export function useNow(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
