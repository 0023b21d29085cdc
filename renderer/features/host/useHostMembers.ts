/**
 * The state behind the members section: loads the hosted workspace's members, refreshes them every few
 * seconds while the dialog is open (devices come and go), asks for confirmation before a change that takes
 * something away, and applies changes through the main process ('host:members', 'host:setRole',
 * 'host:revoke').
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '@shared/domain/settings';
import type { HostMember } from '@shared/ipc/contract';
import type { Result } from '@shared/result';
import { platform } from '../../platform/platform';
import { isDemotion } from './memberLabels';
import type { MembersView } from './MembersSection';

/** How often the open dialog refreshes the list (devices connected, last seen). */
const REFRESH_MS = 5_000;

const INITIAL: MembersView = { status: 'loading', members: [], error: null, busyId: null, pending: null };

/** What the members section needs: its view and its handlers. */
export interface HostMembers {
  view: MembersView;
  nowSeconds: number;
  onRoleChange(member: HostMember, role: Role): void;
  onRevoke(member: HostMember): void;
  onConfirm(): void;
  onCancel(): void;
  onRetry(): void;
  /** Loads the list again now (e.g. after an invite). */
  refresh(): void;
}

/** Members of `workspaceId` on the running host; null workspace or not running: nothing is loaded. */
export function useHostMembers(workspaceId: string | null, running: boolean): HostMembers {
  const [view, setView] = useState<MembersView>(INITIAL);
  const [nowSeconds, setNow] = useState(() => Math.floor(Date.now() / 1000));
  const latest = useRef(0);

  const refresh = useCallback(() => {
    if (workspaceId === null || !running) return;
    const request = ++latest.current;
    void platform.invoke('host:members', workspaceId).then((result) => {
      // An older answer arriving after a newer one (or after a change) must not overwrite it.
      if (request !== latest.current) return;
      setNow(Math.floor(Date.now() / 1000));
      setView((previous) =>
        result.ok
          ? {
              ...previous,
              status: 'ready',
              members: result.value,
              error: previous.status === 'error' ? null : previous.error,
            }
          : { ...previous, status: previous.status === 'ready' ? 'ready' : 'error', error: result.error.message },
      );
    });
  }, [running, workspaceId]);

  useEffect(() => {
    setView(INITIAL);
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const apply = useCallback(
    async (member: HostMember, change: () => Promise<Result<HostMember>>) => {
      latest.current++; // a refresh in flight would show the state from before the change
      setView((previous) => ({ ...previous, busyId: member.id, pending: null, error: null }));
      const result = await change();
      setView((previous) => ({
        ...previous,
        busyId: null,
        error: result.ok ? null : result.error.message,
        members: result.ok ? previous.members.map((m) => (m.id === member.id ? result.value : m)) : previous.members,
      }));
      refresh();
    },
    [refresh],
  );

  const setRole = useCallback(
    (member: HostMember, role: Role) =>
      apply(member, () => platform.invoke('host:setRole', { memberId: member.id, role })),
    [apply],
  );

  return {
    view,
    nowSeconds,
    refresh,
    onRoleChange: (member, role) => {
      if (role === member.role) return;
      if (isDemotion(member.role, role))
        setView((previous) => ({ ...previous, pending: { kind: 'role', member, role } }));
      else void setRole(member, role);
    },
    onRevoke: (member) => setView((previous) => ({ ...previous, pending: { kind: 'revoke', member } })),
    onConfirm: () => {
      const { pending } = view;
      if (pending === null) return;
      if (pending.kind === 'role') void setRole(pending.member, pending.role);
      else void apply(pending.member, () => platform.invoke('host:revoke', pending.member.id));
    },
    onCancel: () => setView((previous) => ({ ...previous, pending: null })),
    onRetry: refresh,
  };
}
