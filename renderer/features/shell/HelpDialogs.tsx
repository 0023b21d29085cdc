/** Keyboard shortcuts and About. */
import { useEffect, useState } from 'react';
import { shortcutHelp } from '@shared/commands/commandRegistry';
import type { AppInfo } from '@shared/ipc/contract';
import { platform } from '../../platform/platform';
import { Dialog } from '../../ui/Dialog';
import { Kbd } from '../../ui/Kbd';

/** Generated from the command registry, so the list cannot drift from the keys that work. */
const SHORTCUTS = shortcutHelp(platform.shell);

/** The list of keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(({ label, keys }) => (
            <tr key={label}>
              <td>{label}</td>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' · '}
                    <Kbd keys={k} />
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Markdown works too: “# ” for a heading, “- ” for a list, “&gt; ” for a quote, **bold**.</p>
    </Dialog>
  );
}

/** Version and platform. */
export function AboutDialog({ onClose }: { onClose: () => void }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void platform.invoke('app:info').then(setInfo);
  }, []);
  return (
    <Dialog title="About Duet" open onClose={onClose}>
      <p>Duet — messaging playbooks that sales actually uses.</p>
      {info && (
        <p className="muted">
          Version {info.version} · {info.shell === 'electron' ? 'Desktop app' : 'Browser'} · {info.platform}
        </p>
      )}
    </Dialog>
  );
}
