/**
 * Where the playbook's changes are — "Saving…", "Saved on this device", "Saved to server", "3 changes not on
 * the server yet" — kept true on every keystroke without re-rendering React: the label is written straight
 * into its element. (A React commit per keystroke was the largest extra typing cost over a bare editor:
 * React saves and restores the editor's selection around every commit.)
 */
import { useEffect, useRef } from 'react';
import type { LinkState } from '../../collab/SyncLink';
import type { PersistenceState } from '../../collab/LocalPersistence';
import { describeSaveState } from '../sync';
import type { PlaybookSession } from '../workspace/PlaybookSession';

/** "Saved" shows once the state has been saved this long: typing bursts do not make the label flicker. */
const SETTLE_MS = 300;

/** The save-state label of one open playbook. */
export function SaveStateLabel({ session }: { session: PlaybookSession }) {
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const element = ref.current;
    const text = element?.querySelector<HTMLSpanElement>('.save-text');
    if (!element || !text) return;
    let local: PersistenceState = session.getSaveState();
    let link: LinkState | null = session.link?.getState() ?? null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const paint = (): void => {
      const pending = link !== null && link.unconfirmed > 0;
      element.className = `save-state save-${local}${pending ? ' save-pending' : ''}`;
      element.dataset.state = local;
      const label = describeSaveState(local, link);
      if (text.textContent !== label) text.textContent = label;
    };
    const offLocal = session.onSaveState((next) => {
      clearTimeout(settle);
      if (next === 'saved' && local === 'saving') {
        settle = setTimeout(() => {
          local = 'saved';
          paint();
        }, SETTLE_MS);
        return;
      }
      local = next;
      paint();
    });
    const offLink = session.link?.subscribe((next) => {
      link = next;
      paint();
    });
    paint();
    return () => {
      clearTimeout(settle);
      offLocal();
      offLink?.();
    };
  }, [session]);

  return (
    <span ref={ref} className="save-state" data-testid="save-state" role="status">
      <span className="save-dot" />
      <span className="save-text" />
    </span>
  );
}
