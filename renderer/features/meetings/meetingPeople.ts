/**
 * Who is who in the joint reviews. In a joined workspace the server lists its members to every client
 * (Duet's `members` message on the directory document: id, invited name, role), so anyone can be chosen as
 * an owner or participant, seen online or not. Beside that roster: whoever is present right now (as the
 * server bound them), the meeting's participants, and the deal log's authors — a local-only workspace has
 * only these. Deduplicated by member id, then by name. Someone known only by name gets the id
 * `name:<name>`; an action they own is shown to whoever opens the app under that name.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Member } from '@shared/collab/meetingDoc';
import type { Role } from '@shared/domain/settings';
import { useSettings, useWorkspace } from '../shell/AppContext';
import { useLinkState } from '../sync';

/** This person, as the meetings see them. */
export interface Me extends Member {
  /** The server's member id, null for a local-only workspace or before the server spoke. */
  memberId: string | null;
  role: Role;
}

/** This person: the server's identity when the workspace is joined, the local profile otherwise. */
export function useMe(): Me {
  const settings = useSettings('displayName', 'role');
  const workspace = useWorkspace();
  const session = useLinkState(workspace.directoryLink)?.session ?? null;
  return useMemo(() => {
    // Without a profile name the deal form signs deals "You"; the same name keeps them one person here.
    const name = session?.name || settings.displayName || 'You';
    return {
      id: session?.memberId ?? `name:${name}`,
      memberId: session?.memberId ?? null,
      name,
      role: session?.role ?? settings.role,
    };
  }, [session, settings.displayName, settings.role]);
}

/** The workspace's members as the server listed them (empty for a local-only workspace or before it spoke). */
export function useRoster(): Member[] {
  const workspace = useWorkspace();
  const roster = useLinkState(workspace.directoryLink)?.roster;
  return useMemo(() => (roster ?? []).map((m) => ({ id: m.id.slice(0, 90), name: m.name.slice(0, 80) })), [roster]);
}

/** The people present in a document (as the server bound them), following changes. */
export function usePresentMembers(awareness: Awareness | null): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const read = (): void => {
      const out: Member[] = [];
      awareness.getStates().forEach((state, clientId) => {
        if (clientId === awareness.clientID) return;
        if (typeof state.memberId === 'string' && typeof state.name === 'string' && state.name)
          out.push({ id: state.memberId.slice(0, 90), name: state.name.slice(0, 80) });
      });
      setMembers(out);
    };
    awareness.on('change', read);
    read();
    return () => awareness.off('change', read);
  }, [awareness]);
  return members;
}

/** Everyone known, me first, then by name; one entry per member id and per name. */
export function knownMembers(me: Member, ...groups: readonly (readonly Member[])[]): Member[] {
  const byId = new Map<string, Member>([[me.id, me]]);
  const names = new Set([me.name]);
  // Members with a server id first, so a name also seen as a deal author keeps the real id.
  const all = groups.flat().sort((a, b) => Number(a.id.startsWith('name:')) - Number(b.id.startsWith('name:')));
  for (const m of all) {
    if (byId.has(m.id) || names.has(m.name)) continue;
    byId.set(m.id, m);
    names.add(m.name);
  }
  const [first, ...rest] = [...byId.values()];
  return [first!, ...rest.sort((a, b) => a.name.localeCompare(b.name))];
}

/** Deal authors as members known by name. */
export function authorsAsMembers(authors: Iterable<string>): Member[] {
  const out = new Map<string, Member>();
  for (const name of authors)
    if (name.trim()) out.set(name, { id: `name:${name.trim().slice(0, 80)}`, name: name.trim().slice(0, 80) });
  return [...out.values()];
}
