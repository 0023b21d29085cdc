/**
 * Joins a sync server with an invite token. The token says which workspace and role it is for; the dialog
 * shows that before joining, and joins into the matching local workspace or a new one.
 */
import { useState, type FormEvent } from 'react';
import { readInviteClaims } from '@shared/collab/inviteToken';
import { syncUrlSchema } from '@shared/domain/settings';
import { FormActions } from '../../ui/FormActions';
import { Dialog } from '../../ui/Dialog';
import { useAppActions, useSettings } from '../shell/AppContext';

/** The join dialog. */
export function JoinServerDialog({ onClose, initialUrl = '' }: { onClose: () => void; initialUrl?: string }) {
  const settings = useSettings('workspaces');
  const { joinServer } = useAppActions();
  const [url, setUrl] = useState(initialUrl);
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const claims = token.trim() ? readInviteClaims(token) : null;
  const existing = claims && settings.workspaces.find((w) => w.id === claims.workspaceId);

  const handleSubmit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!syncUrlSchema.safeParse(url.trim()).success)
      return setError('Enter the server address, e.g. ws://192.168.1.20:4455');
    if (claims === null)
      return setError('That is not a Duet invite token. Ask the person who runs the server for one.');
    setBusy(true);
    const result = await joinServer({ url, token, name });
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <Dialog
      title="Join a sync server"
      open
      onClose={onClose}
      testId="join-dialog"
      footer={<FormActions formId="join-form" submitLabel="Join" onCancel={onClose} busy={busy} />}
    >
      <form id="join-form" className="form" onSubmit={(e) => void handleSubmit(e)}>
        <p className="muted">
          Write together live through a server your team hosts. Your work stays on this device too, and works offline.
        </p>
        <label className="field">
          <span>Server address</span>
          <input
            autoFocus
            name="serverUrl"
            value={url}
            placeholder="ws://192.168.1.20:4455"
            onChange={(e) => (setUrl(e.target.value), setError(null))}
          />
        </label>
        <label className="field">
          <span>Invite token</span>
          <textarea
            name="token"
            rows={3}
            value={token}
            placeholder="Paste the invite you were given"
            onChange={(e) => (setToken(e.target.value), setError(null))}
          />
        </label>
        {claims && (
          <p className="join-claims" data-testid="join-claims">
            Invite for workspace <strong>{existing?.name ?? claims.workspaceId}</strong> as{' '}
            <strong>{claims.role}</strong>
            {existing ? ' — your local copy will be merged with the server’s, nothing is lost.' : '.'}
          </p>
        )}
        {claims && !existing && (
          <label className="field">
            <span>Name this workspace on your device</span>
            <input
              name="localWorkspaceName"
              value={name}
              maxLength={120}
              placeholder="e.g. Acme marketing"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
