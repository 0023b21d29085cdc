/**
 * Where the playbook's changes are — "Saving…", "Saved on this device", "Saved to server", "Offline — saved
 * on this device · 3 changes will be sent when the server is back", "Read-only · up to date" — kept true on
 * every keystroke without re-rendering React: the label is written straight into its element. (A React
 * commit per keystroke was the largest extra typing cost over a bare editor: React saves and restores the
 * editor's selection around every commit.)
 */
import { useEffect, useRef } from 'react';
import type { LinkState } from '../../collab/SyncLink';
import type { PersistenceState } from '../../collab/LocalPersistence';
import { canRetry, describeSaveState } from '../sync';
import type { PlaybookSession } from '../workspace/PlaybookSession';

/** "Saved" shows once the state has been saved this long: typing bursts do not make the label flicker. */
const SETTLE_MS = 300;

/** Props of SaveStateLabel. */
export interface SaveStateLabelProps {
  session: PlaybookSession;
  /** "Retry now" while offline: tries the workspace's links at once. */
  onRetry: () => void;
}

/** The save-state label of one open playbook. */
export function SaveStateLabel({ session, onRetry }: SaveStateLabelProps) {
  const ref = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const element = ref.current?.querySelector<HTMLSpanElement>('.save-state');
    const text = element?.querySelector<HTMLSpanElement>('.save-text');
    const retry = ref.current?.querySelector<HTMLButtonElement>('.save-retry');
    if (!element || !text || !retry) return;
    let local: PersistenceState = session.getSaveState();
    let link: LinkState | null = session.link?.getState() ?? null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let tick: ReturnType<typeof setInterval> | undefined;
    const paint = (): void => {
      const pending = link !== null && link.unconfirmed > 0;
      const offline = link?.status === 'offline';
      const reader = link?.session?.canWrite === false;
      const mode = offline ? ' save-offline' : reader ? ' save-readonly' : '';
      // Written only when they change: this runs on every keystroke, and each write invalidates styles.
      const className = `save-state save-${local}${pending ? ' save-pending' : ''}${mode}`;
      if (element.className !== className) element.className = className;
      if (element.dataset.state !== local) element.dataset.state = local;
      const label = describeSaveState(local, link);
      if (text.textContent !== label) text.textContent = label;
      const hidden = !canRetry(link);
      if (retry.hidden !== hidden) retry.hidden = hidden;
      const disabled = link?.nextRetryAt === null;
      if (retry.disabled !== disabled) retry.disabled = disabled;
      // "retrying in 8 s" counts down while a retry is scheduled.
      const counting = canRetry(link) && link?.nextRetryAt !== null;
      if (counting && tick === undefined) tick = setInterval(paint, 1000);
      if (!counting && tick !== undefined) tick = (clearInterval(tick), undefined);
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
      clearInterval(tick);
      offLocal();
      offLink?.();
    };
  }, [session]);

  return (
    <span ref={ref} className="save-state-line">
      <span className="save-state" data-testid="save-state" role="status">
        <span className="save-dot" />
        <span className="save-text" />
      </span>
      <button type="button" className="inline-link save-retry" hidden onClick={onRetry} data-testid="save-retry">
        Retry now
      </button>
    </span>
  );
}
