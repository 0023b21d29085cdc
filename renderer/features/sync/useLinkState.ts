/** React access to a sync link's state (null for local-only documents). */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
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

/**
 * What most views need of a link: whether it is live (or at least connected), who the server says this
 * person is, and whether this device has had the server's whole document yet.
 */
export type LinkSession = Pick<LinkState, 'status' | 'session' | 'received' | 'connected' | 'lastRole'>;

/**
 * The link's status, session and `received` only (null for local-only documents), re-rendering when one of them
 * changes — not on every write the server confirms, which happens with each keystroke while typing.
 */
export function useLinkSession(link: SyncLink | null): LinkSession | null {
  const cache = useRef<LinkSession | null>(null);
  const subscribe = useCallback((onChange: () => void) => link?.subscribe(onChange) ?? (() => undefined), [link]);
  const read = (): LinkSession | null => {
    const state = link?.getState() ?? null;
    if (state === null) return null;
    const last = cache.current;
    if (
      last !== null &&
      last.status === state.status &&
      last.session === state.session &&
      last.received === state.received &&
      last.connected === state.connected &&
      last.lastRole === state.lastRole
    )
      return last;
    const { status, session, received, connected, lastRole } = state;
    return (cache.current = { status, session, received, connected, lastRole });
  };
  return useSyncExternalStore(subscribe, read);
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
