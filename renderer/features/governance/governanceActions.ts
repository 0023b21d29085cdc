/**
 * The writes of governance. Each is a record — a storyteller's decision in the approvals document, or a
 * workflow record in the versions document — plus, for those who may edit the playbook, the narrative's
 * status field set to match, so older readers of the field (outline dots, exports, compare) agree. The
 * record is the truth: the server stores a decision only from a storyteller, and the badge reads records.
 */
import type { LexicalEditor } from 'lexical';
import type * as Y from 'yjs';
import { addDecision, type DecisionKind } from '@shared/collab/approvals';
import { addWorkflowRecord, type WorkflowKind } from '@shared/collab/reviewRequests';
import { newId } from '@shared/domain/ids';
import type { NarrativeStatus } from '@shared/domain/narrative';
import { fail, ok, type Result } from '@shared/result';
import { $findNarrative } from '../../editor/narrativeOps';
import { $captureContent, type PlaybookVersionsState } from '../versions';
import { $narrativeFacts } from './narrativeFacts';

/** What the writes need, gathered by the playbook view. */
export interface GovernanceWriters {
  editor: LexicalEditor;
  approvals: Y.Doc | null;
  /** The versions document, which holds the workflow records. */
  workflow: Y.Doc | null;
  versions: PlaybookVersionsState;
  author: string;
  /** Whether this person may edit the playbook (then the status field is kept in step). */
  canEditPlaybook: boolean;
}

/** A narrative's content hash, title and owner as the editor holds it now (inside a read). */
function facts(editor: LexicalEditor, narrativeId: string): { title: string; hash: string } | null {
  return editor.getEditorState().read(() => {
    const node = $findNarrative(narrativeId);
    return node ? $narrativeFacts(node) : null;
  });
}

function mirrorStatus(w: GovernanceWriters, narrativeId: string, status: NarrativeStatus): void {
  if (!w.canEditPlaybook) return;
  w.editor.update(() => void $findNarrative(narrativeId)?.setFields({ status }), { discrete: true });
}

const GONE = fail('not-found', 'That narrative is no longer in the playbook.');

/**
 * Records a storyteller's decision. An approval first sets the status and saves a version of the approved
 * words (the "approved" side of every later diff), then records the content hash and review-by date.
 */
export async function decide(
  w: GovernanceWriters,
  narrativeId: string,
  kind: DecisionKind,
  input: { comment: string; reviewBy: string },
): Promise<Result<void>> {
  if (!w.approvals) return fail('not-found', 'The approvals of this playbook are not open yet.');
  if (kind === 'send-back' && input.comment.trim() === '')
    return fail('invalid-input', 'Say what needs to change, so the writer knows.');
  mirrorStatus(w, narrativeId, kind === 'approve' ? 'approved' : 'draft');
  const now = facts(w.editor, narrativeId);
  if (now === null) return GONE;
  let versionId: string | undefined;
  if (kind === 'approve' && w.versions.library && w.versions.canWrite) {
    const content = w.editor.getEditorState().read($captureContent);
    const name = `Approved: “${now.title.trim() || 'Untitled narrative'}”`.slice(0, 120);
    const saved = await w.versions.library.save({ content, name, author: w.author, kind: 'approval' });
    if (!saved.ok) return saved;
    versionId = saved.value?.id;
  }
  addDecision(w.approvals, {
    id: newId('d'),
    narrativeId,
    kind,
    hash: now.hash,
    title: now.title.slice(0, 300),
    by: w.author.slice(0, 80),
    at: Date.now(),
    comment: input.comment.trim().slice(0, 1000),
    reviewBy: kind === 'approve' ? input.reviewBy : '',
    ...(versionId ? { versionId } : {}),
  });
  return ok(undefined);
}

const MIRROR: Record<WorkflowKind, NarrativeStatus> = { request: 'in-review', retire: 'retired', reopen: 'draft' };

/** Records a request for review, a retirement or a reopening. */
export function recordWorkflow(
  w: GovernanceWriters,
  narrativeId: string,
  kind: WorkflowKind,
  note: string,
): Result<void> {
  if (!w.workflow) return fail('not-found', 'The history of this playbook is not open yet.');
  const now = facts(w.editor, narrativeId);
  if (now === null) return GONE;
  mirrorStatus(w, narrativeId, MIRROR[kind]);
  addWorkflowRecord(w.workflow, {
    id: newId('w'),
    narrativeId,
    kind,
    title: now.title.slice(0, 300),
    by: w.author.slice(0, 80),
    at: Date.now(),
    note: note.trim().slice(0, 1000),
  });
  return ok(undefined);
}
