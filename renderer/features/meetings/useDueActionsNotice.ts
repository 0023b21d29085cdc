/**
 * "3 actions due this week": told once to an action's owner when they open the workspace (as soon as the
 * ledger — from this device, or from the server — holds any), with a button to the joint reviews. Actions
 * this person adds themselves do not trigger it.
 */
import { useEffect, useRef } from 'react';
import { meetingsLedgerDocName } from '@shared/collab/docNames';
import type * as Y from 'yjs';
import { readLedger, type Ledger } from '@shared/collab/meetingLedger';
import { actionsDueSoon } from '@shared/meetings/minutes';
import { useToasts } from '../../ui/Toasts';
import { useWorkspace } from '../shell/AppContext';
import { localToday } from '../review';
import { useMe } from './meetingPeople';

/** Shows the notice once per opened workspace; `onOpen` opens the joint reviews. */
export function useDueActionsNotice(onOpen: () => void): void {
  const workspace = useWorkspace();
  const me = useMe();
  const toasts = useToasts();
  const told = useRef<string | null>(null);
  const latest = useRef({ me, onOpen, toasts });
  latest.current = { me, onOpen, toasts };
  const recheck = useRef<(() => void) | null>(null);

  useEffect(() => {
    const docName = meetingsLedgerDocName(workspace.id);
    let dispose: (() => void) | undefined;
    let cancelled = false;
    const check = (ledger: Ledger): void => {
      if (told.current === workspace.id) return;
      const { me: who, onOpen: open, toasts: t } = latest.current;
      const due = actionsDueSoon(ledger.actions, who, localToday());
      if (due.length === 0) return;
      told.current = workspace.id;
      t.show({
        kind: 'info',
        message: `${due.length} action${due.length === 1 ? '' : 's'} due this week`,
        action: { label: 'Show', run: open },
      });
    };
    void workspace.openMeetingDoc(docName).then((result) => {
      if (!result.ok || cancelled) return;
      const doc = result.value.doc;
      recheck.current = () => check(readLedger(doc));
      recheck.current();
      // Told on opening, and when actions arrive from others — not for the one this person just added.
      const handle = (tr: Y.Transaction): void => {
        if (!tr.local) check(readLedger(doc));
      };
      doc.on('afterTransaction', handle);
      dispose = () => doc.off('afterTransaction', handle);
    });
    return () => {
      cancelled = true;
      recheck.current = null;
      dispose?.();
      void workspace.closeMeetingDoc(docName);
    };
  }, [workspace]);

  // Who I am may become known after the ledger was read (the server's session names my member id).
  useEffect(() => recheck.current?.(), [me]);
}
