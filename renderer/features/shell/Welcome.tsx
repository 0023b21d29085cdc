/** The first screen: name yourself, create a workspace, or explore the sample. */
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@shared/domain/settingsDefaults';
import { JoinServerDialog } from '../sync';
import { useAppActions, useSettings } from './AppContext';
import { useWorkspaceActions } from './useWorkspaceActions';

/** The welcome screen shown when no workspace is open. */
export function Welcome() {
  const settings = useSettings('displayName', 'role');
  const { updateSettings } = useAppActions();
  const { createWorkspace, openSample } = useWorkspaceActions();
  const [name, setName] = useState(settings.displayName);
  const [workspaceName, setWorkspaceName] = useState('');
  const [role, setRole] = useState<Role>(settings.role);
  const [busy, setBusy] = useState(false);
  const [joining, setJoining] = useState(false);

  const saveProfile = () => updateSettings({ displayName: name.trim().slice(0, 80), role });
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    await saveProfile();
    await createWorkspace(workspaceName || 'My workspace');
  };

  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Duet</span>
        </div>
        <h1>Write the stories that win deals.</h1>
        <p className="welcome-lead">
          Co-author messaging playbooks — narratives with their key message, persona, buying stage and proof — and see
          which ones sales actually uses. Everything is stored on this device and works offline.
        </p>
        <form className="form" onSubmit={(e) => void handleSubmit(e)}>
          <div className="form-row">
            <label className="field">
              <span>Your name</span>
              <input
                value={name}
                maxLength={80}
                placeholder="e.g. Maya Okafor"
                onChange={(e) => setName(e.target.value)}
                name="displayName"
              />
            </label>
            <label className="field">
              <span>Your role</span>
              <select value={role} onChange={(e) => setRole(e.target.value as Role)} name="role">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r[0]!.toUpperCase() + r.slice(1)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="field">
            <span>Workspace name</span>
            <input
              value={workspaceName}
              maxLength={120}
              placeholder="e.g. Acme marketing"
              onChange={(e) => setWorkspaceName(e.target.value)}
              name="workspaceName"
            />
          </label>
          <div className="welcome-actions">
            <button type="submit" className="button button-primary button-large" disabled={busy}>
              Create workspace
            </button>
            <button
              type="button"
              className="button button-large"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                await saveProfile();
                await openSample();
              }}
              data-testid="open-sample"
            >
              Explore a sample workspace
            </button>
          </div>
        </form>
        <p className="welcome-foot">
          The sample is Fernway, a fictional fleet-software company with three playbooks you can edit freely. Invited to
          a team?{' '}
          <button
            type="button"
            className="inline-link"
            onClick={() => void saveProfile().then(() => setJoining(true))}
            data-testid="join-team"
          >
            Join a sync server
          </button>
          .
        </p>
        {joining && <JoinServerDialog onClose={() => setJoining(false)} />}
      </div>
    </main>
  );
}
