/** Keyboard shortcuts and About. */
import { useEffect, useState } from 'react';
import type { AppInfo } from '@shared/ipc/contract';
import { platform } from '../../platform/platform';
import { Dialog } from '../../ui/Dialog';
import { Kbd } from '../../ui/Kbd';

const SHORTCUTS: [string, string][] = [
  ['New playbook', platform.shell === 'electron' ? 'Mod+N' : 'Mod+Alt+N'],
  ['New narrative after this one', 'Mod+Shift+Enter'],
  ['Bold / italic / underline', 'Mod+B · Mod+I · Mod+U'],
  ['Link', 'Mod+K'],
  ['Heading 1 / 2 / 3', 'Mod+Alt+1 · Mod+Alt+2 · Mod+Alt+3'],
  ['Normal text', 'Mod+Alt+0'],
  ['Numbered / bulleted list', 'Mod+Shift+7 · Mod+Shift+8'],
  ['Quote', 'Mod+Shift+9'],
  ['Undo / redo', 'Mod+Z · Mod+Shift+Z'],
  ['Move narrative (in the outline)', 'Alt+↑ · Alt+↓'],
  ['Log a deal for this narrative', 'Mod+Shift+L'],
  ['Add a note to the selected words', 'Mod+Alt+M'],
  ['Show or hide the outline', 'Mod+\\'],
  ['Filter playbooks', 'Mod+F'],
  ['Export / import workspace', 'Mod+Shift+E · Mod+Shift+O'],
  ['This list', 'Mod+/'],
];

/** The list of keyboard shortcuts. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" open onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map(([label, keys]) => (
            <tr key={label}>
              <td>{label}</td>
              <td>
                {keys.split(' · ').map((k, i) => (
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
