/**
 * The CRM sync's status above a playbook's review, read from the server's `{ws}/crm/{ws}` document (no
 * secrets are ever in it): shown on the playbook the CRM's deals flow into, nothing when no CRM is
 * connected. The "ago" refreshes every 30 s.
 */
import { useEffect, useState } from 'react';
import { crmStatusDocName } from '@shared/collab/docNames';
import { observeCrmStatus, readCrmStatus, type CrmStatusView } from '@shared/collab/crmStatus';
import { useWorkspace } from '../shell/AppContext';
import { describeCrmStatus } from './crmStatusText';
import './crm.css';

/** The status of the workspace's CRM sync while mounted (null: none, or not known yet). */
export function useCrmStatus(): CrmStatusView | null {
  const workspace = useWorkspace();
  const [status, setStatus] = useState<CrmStatusView | null>(null);
  useEffect(() => {
    // Only a sync server runs a CRM sync: a workspace on this device alone has nothing to show.
    if (workspace.directoryLink === null) return;
    const docName = crmStatusDocName(workspace.id);
    let live = true;
    let dispose: (() => void) | null = null;
    // The workspace's generic shared-document holder (named for its first users, the joint reviews).
    void workspace.openMeetingDoc(docName).then((opened) => {
      if (!opened.ok || !live) return;
      setStatus(readCrmStatus(opened.value.doc));
      dispose = observeCrmStatus(opened.value.doc, setStatus);
    });
    return () => {
      live = false;
      dispose?.();
      void workspace.closeMeetingDoc(docName);
    };
  }, [workspace]);
  return status;
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Text with `commands` in backticks shown as code (React text: nothing is parsed as HTML). */
function WithCode({ text }: { text: string }) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** Props of CrmStatusLine. */
export interface CrmStatusLineProps {
  playbookId: string;
}

/** One line: provider, last sync, deals — or the error and what to do. */
export function CrmStatusLine({ playbookId }: CrmStatusLineProps) {
  const status = useCrmStatus();
  const now = useNow(30_000);
  if (status === null || status.playbookId !== playbookId) return null;
  const { tone, text, detail } = describeCrmStatus(status, now);
  return (
    <p className={`crm-status crm-status-${tone}`} role="status" data-testid="crm-status">
      <span className="crm-status-dot" aria-hidden="true" />
      <span className="crm-status-text">
        <WithCode text={text} />
      </span>
      {detail && <span className="crm-status-detail">{detail}</span>}
      {status.writeBack && tone !== 'error' && <span className="crm-status-detail">Narratives are written back.</span>}
    </p>
  );
}
