/** Settings: the user's display name (shown to collaborators), their role, and the app's appearance. */
import { useState, type FormEvent } from 'react';
import { ROLES, THEMES, type Role, type Theme } from '@shared/domain/settings';
import { FormActions } from '../../ui/FormActions';
import { Dialog } from '../../ui/Dialog';
import { useAppActions, useSettings } from './AppContext';

const ROLE_HELP: Record<Role, string> = {
  storyteller: 'Writes and approves narratives.',
  marketing: 'Co-writes playbooks and reviews results.',
  sales: 'Reads playbooks and records deals (cannot change playbook text).',
  viewer: 'Reads everything, changes nothing.',
};

const THEME_LABEL: Record<Theme, string> = { system: 'Match the system', light: 'Light', dark: 'Dark' };

/** The settings dialog (opened from the name at the bottom of the sidebar). */
export function ProfileDialog({ onClose }: { onClose: () => void }) {
  const settings = useSettings('displayName', 'role', 'notifyDecisions', 'theme');
  const { updateSettings } = useAppActions();
  const [name, setName] = useState(settings.displayName);
  const [role, setRole] = useState<Role>(settings.role);
  const [notify, setNotify] = useState(settings.notifyDecisions);
  const [theme, setTheme] = useState<Theme>(settings.theme);
  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // A browser asks once for permission to notify; the desktop app needs no permission.
    if (
      notify &&
      !settings.notifyDecisions &&
      typeof Notification !== 'undefined' &&
      Notification.permission === 'default'
    )
      await Notification.requestPermission();
    await updateSettings({ displayName: name.trim().slice(0, 80), role, notifyDecisions: notify, theme });
    onClose();
  };
  return (
    <Dialog
      title="Settings"
      open
      onClose={onClose}
      testId="profile-dialog"
      footer={<FormActions formId="profile-form" submitLabel="Save" onCancel={onClose} />}
    >
      <form id="profile-form" className="form" onSubmit={(e) => void handleSubmit(e)}>
        <label className="field">
          <span>Display name</span>
          <input autoFocus value={name} maxLength={80} onChange={(e) => setName(e.target.value)} name="displayName" />
        </label>
        <fieldset className="field">
          <legend>Role</legend>
          {ROLES.map((r) => (
            <label key={r} className="radio-row">
              <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
              <strong>{r[0]!.toUpperCase() + r.slice(1)}</strong>
              <span className="muted">{ROLE_HELP[r]}</span>
            </label>
          ))}
        </fieldset>
        <label className="radio-row">
          <input
            type="checkbox"
            name="notifyDecisions"
            checked={notify}
            onChange={(e) => setNotify(e.target.checked)}
            data-testid="notify-decisions"
          />
          <strong>Notify me</strong>
          <span className="muted">
            when a storyteller approves or sends back a narrative I own (a desktop notification; off by default).
          </span>
        </label>
        <fieldset className="field">
          <legend>Appearance</legend>
          <div className="segmented" data-testid="theme-setting">
            {THEMES.map((t) => (
              <label key={t} className={theme === t ? 'segment is-on segment-accent' : 'segment'}>
                <input type="radio" name="theme" checked={theme === t} onChange={() => setTheme(t)} />
                {THEME_LABEL[t]}
              </label>
            ))}
          </div>
        </fieldset>
      </form>
    </Dialog>
  );
}
