/**
 * "Host on this computer": starts the sync server inside the desktop app, joins the open workspace to it
 * (this app is an ordinary client of its own server, with a storyteller invite minted for the user) and
 * creates invites for teammates. The state comes from the main process ('host:*' channels).
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Role } from '@shared/domain/settings';
import type { HostStatus } from '@shared/ipc/contract';
import { platform } from '../../platform/platform';
import { useAppActions, useSettings, useWorkspaceState } from '../shell/AppContext';
import { useLinkState } from '../sync';
import { HostDialogView, type InviteView } from './HostDialogView';
import { useHostMembers } from './useHostMembers';

/** The port offered first (the sync server's default). */
const DEFAULT_HOST_PORT = 4455;

function parsePort(text: string): number | null {
  const port = Number(text.trim());
  return Number.isInteger(port) && port >= 1024 && port <= 65_535 ? port : null;
}

/** The dialog with its state. */
export function HostDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings('displayName');
  const workspace = useWorkspaceState();
  const { joinServer, reloadWorkspace, updateSettings } = useAppActions();
  const ref = workspace.status === 'none' ? null : workspace.ref;
  const current = useMemo(() => (ref === null ? null : { id: ref.id, name: ref.name, server: ref.server }), [ref]);
  const [status, setStatus] = useState<HostStatus>({ state: 'stopped' });
  const [port, setPort] = useState(String(DEFAULT_HOST_PORT));
  const [shareOnNetwork, setShareOnNetwork] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invite, setInvite] = useState<InviteView>({
    name: '',
    role: 'sales',
    busy: false,
    error: null,
    created: null,
  });
  const members = useHostMembers(current?.id ?? null, status.state === 'running');
  // Who this app is on the server (its own invite), so the list can say "you" and keep the host from
  // revoking itself.
  const directoryLink = useLinkState(workspace.status === 'open' ? workspace.workspace.directoryLink : null);
  const selfId = directoryLink?.session?.memberId ?? null;
  const refreshMembers = members.refresh;

  useEffect(() => {
    let live = true;
    void platform.invoke('host:status').then((result) => {
      if (!live) return;
      if (!result.ok) return setError(result.error.message);
      setStatus(result.value);
      if (result.value.state === 'running') {
        setPort(String(result.value.port));
        setShareOnNetwork(result.value.shareOnNetwork);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  const handleStart = useCallback(async () => {
    const chosen = parsePort(port);
    if (chosen === null) return setError('Choose a port between 1024 and 65535 (for example 4455).');
    setError(null);
    setStatus({ state: 'starting' });
    const started = await platform.invoke('host:start', { port: chosen, shareOnNetwork });
    if (!started.ok) {
      setStatus({ state: 'stopped' });
      return setError(started.error.message);
    }
    setStatus({ state: 'running', ...started.value });
    // Remembered so hosting resumes when the app starts again (until the user stops it).
    await updateSettings({ host: { port: chosen, shareOnNetwork } });
    if (current === null) return;
    // Already joined to this host (an earlier start): its invite is still valid, just reconnect.
    if (current.server?.url === started.value.localUrl) return void (await reloadWorkspace());
    // This app joins its own server like any teammate, so the local copy merges into what the server stores.
    const mine = await platform.invoke('host:invite', {
      workspaceId: current.id,
      name: settings.displayName.trim() || 'Host',
      role: 'storyteller',
    });
    const joined = mine.ok
      ? await joinServer({ url: started.value.localUrl, token: mine.value.token, name: current.name })
      : mine;
    if (!joined.ok) setError(`Hosting started, but this workspace could not join it: ${joined.error.message}`);
    refreshMembers();
  }, [
    current,
    joinServer,
    port,
    refreshMembers,
    reloadWorkspace,
    settings.displayName,
    shareOnNetwork,
    updateSettings,
  ]);

  const handleStop = useCallback(async () => {
    setStatus({ state: 'stopping' });
    const stopped = await platform.invoke('host:stop');
    if (!stopped.ok) setError(stopped.error.message);
    else await updateSettings({ host: null });
    const now = await platform.invoke('host:status');
    setStatus(now.ok ? now.value : { state: 'stopped' });
    setInvite((previous) => ({ ...previous, created: null }));
  }, [updateSettings]);

  const handleInvite = useCallback(async () => {
    if (current === null || status.state !== 'running') return;
    const name = invite.name.trim();
    if (name === '') return setInvite((previous) => ({ ...previous, error: 'Give the teammate a name.' }));
    setInvite((previous) => ({ ...previous, busy: true, error: null }));
    const result = await platform.invoke('host:invite', { workspaceId: current.id, name, role: invite.role });
    const address = status.lanUrls[0] ?? status.localUrl;
    setInvite((previous) =>
      result.ok
        ? {
            ...previous,
            busy: false,
            name: '',
            created: { name, role: previous.role, token: result.value.token, address },
          }
        : { ...previous, busy: false, error: result.error.message },
    );
    if (result.ok) refreshMembers();
  }, [current, invite.name, invite.role, refreshMembers, status]);

  return (
    <HostDialogView
      status={status}
      port={port}
      shareOnNetwork={shareOnNetwork}
      error={error}
      workspace={current}
      invite={invite}
      onPortChange={(value) => (setPort(value), setError(null))}
      onShareChange={setShareOnNetwork}
      onStart={() => void handleStart()}
      onStop={() => void handleStop()}
      onClose={onClose}
      onInviteChange={(change: { name?: string; role?: Role }) =>
        setInvite((previous) => ({ ...previous, ...change, error: null }))
      }
      onInvite={() => void handleInvite()}
      members={{ ...members, selfId }}
    />
  );
}
