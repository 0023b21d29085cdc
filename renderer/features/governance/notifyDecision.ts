/**
 * A desktop notification when a storyteller approves or sends back a narrative this person owns (the
 * narrative's Owner field is their display name). Off unless turned on in the profile; the main process
 * checks the setting again before it shows anything.
 */
import type { ApprovalDecision } from '@shared/collab/approvals';
import { platform } from '../../platform/platform';

/** Notifies about `decision` if it concerns a narrative `me` owns and was made by someone else. */
export function notifyDecision(
  decision: ApprovalDecision,
  narratives: readonly { id: string; owner: string }[],
  me: string,
): void {
  const name = me.trim().toLowerCase();
  if (name === '' || decision.by.trim().toLowerCase() === name) return;
  const owner = narratives
    .find((n) => n.id === decision.narrativeId)
    ?.owner.trim()
    .toLowerCase();
  if (owner !== name) return;
  const title = decision.kind === 'approve' ? 'Narrative approved' : 'Narrative sent back';
  const what = `“${decision.title || 'Untitled narrative'}”`;
  const body =
    decision.kind === 'approve'
      ? `${decision.by || 'A storyteller'} approved ${what}.`
      : `${decision.by || 'A storyteller'} sent back ${what}${decision.comment ? `: ${decision.comment}` : '.'}`;
  void platform.invoke('notify:show', { title, body }).then((result) => {
    if (!result.ok) console.warn(`[governance] notification not shown: ${result.error.message}`);
  });
}
