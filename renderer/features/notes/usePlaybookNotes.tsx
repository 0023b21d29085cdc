/**
 * The notes side of an open playbook: opens its notes document beside it, knows who may write, hosts the
 * quick deal form (from a narrative's "Log deal" chip, the review, or Mod+Shift+L inside a narrative) and
 * the review. The playbook's narratives are read from the open editor's state (openEditors.ts) — only
 * read, so a salesperson, read-only on the playbook, never writes to it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { addDeal, readDealHistory, updateDeal, type DealActor } from '@shared/collab/notes';
import { mayModerate } from '@shared/domain/permissions';
import type { DealEntry, DealInput } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { readPlaybook } from '../../editor/readPlaybook';
import { $readNarratives } from '../../editor/narrativeOps';
import { $readNarrativeTexts } from '../../editor/narrativeText';
import { useCommand } from '../../commands';
import { localToday, ReviewView, useWarmDeals, warmReview, type ReviewViewProps } from '../review';
import { useWorkspace } from '../shell/AppContext';
import { useWorkspaceRole } from '../shell/useWorkspaceRole';
import type { PlaybookSession } from '../workspace/PlaybookSession';
import type { NotesSession } from './NotesSession';
import { AnchoredNoteDialog } from './AnchoredNoteDialog';
import { useAnchoredNotes, type AnchoredNotesState } from './useAnchoredNotes';
import type { DealsSnapshot } from './LiveDeals';
import { mayWriteNotes } from './useDeals';
import { useTeamDealLog, type TeamCopy } from './useTeamDealLog';
import { lazyPart } from '../../ui/lazyPart';

// The deal form and the CSV import/export (with its parser) load on first use, not with the playbook.
const QuickDealForm = lazyPart(() => import('./QuickDealForm'), 'QuickDealForm', {
  label: 'Opening the deal form…',
  shape: 'dialog',
});
const CsvActions = lazyPart(() => import('./csv/CsvActions'), 'CsvActions', {
  label: 'Loading CSV import…',
  shape: 'quiet',
});

type FormState = { narrativeId: string | null; editing: DealEntry | null } | null;

/** Everything the playbook view needs of its notes. */
export interface PlaybookNotesState {
  notes: NotesSession | null;
  /** Why the notes document could not be opened (null while it opens and once it is open). */
  notesError: string | null;
  deals: readonly DealEntry[];
  /** The deal log's first read: how far it is (the review shows progress until `complete`). */
  dealLog: Pick<DealsSnapshot, 'complete' | 'read' | 'total'>;
  /** Whether this device has the team's deal log yet (see useTeamDealLog). */
  teamCopy: TeamCopy;
  narratives: NarrativeSummary[];
  /** Each narrative's plain text (what anchored notes are resolved against), read with `narratives`. */
  narrativeTexts: ReadonlyMap<string, string>;
  /** Notes anchored to the words. */
  anchored: AnchoredNotesState;
  /** Who is acting: decides which deals may be edited (the server's rule, `canEditDeal`). */
  actor: DealActor;
  canWrite: boolean;
  reviewOpen: boolean;
  toggleReview: () => void;
  /** Stable; undefined when this person may not write notes (so no chip shows). */
  logDealFrom: ((narrative: NarrativeSummary) => void) | undefined;
  form: FormState;
  openForm: (narrativeId: string | null, editing?: DealEntry | null) => void;
  closeForm: () => void;
  save: (input: DealInput) => { ok: true } | { ok: false; message: string };
}

interface NarrativeReading {
  narratives: NarrativeSummary[];
  texts: ReadonlyMap<string, string>;
}

function readNarrativesOf(doc: Y.Doc): NarrativeReading {
  return readPlaybook(doc, () => ({ narratives: $readNarratives(), texts: $readNarrativeTexts() }));
}

const NO_NARRATIVES: NarrativeReading = { narratives: [], texts: new Map() };

/** True when two readings say the same; keeping the old one spares the review a recomputation. */
function sameReading(a: NarrativeReading, b: NarrativeReading): boolean {
  if (a.texts.size !== b.texts.size) return false;
  for (const [id, text] of a.texts) if (b.texts.get(id) !== text) return false;
  return JSON.stringify(a.narratives) === JSON.stringify(b.narratives);
}

/**
 * Opens the notes of `session`'s playbook for as long as the view lives. `stampDeal` adds to a newly logged
 * deal what it should record besides the form's fields (the version of each narrative in force).
 */
export function usePlaybookNotes(
  session: PlaybookSession,
  author: string,
  stampDeal?: (input: DealInput) => DealInput,
): PlaybookNotesState {
  const workspace = useWorkspace();
  const [notes, setNotes] = useState<NotesSession | null>(null);
  const [notesError, setNotesError] = useState<string | null>(null);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [form, setForm] = useState<FormState>(null);
  const [{ narratives, texts: narrativeTexts }, setReading] = useState<NarrativeReading>(NO_NARRATIVES);
  // The playbook is read again only when it changed since the last reading (opening the review again
  // on an unchanged playbook costs nothing), and a reading equal to the last one is not handed on.
  const version = useRef({ current: 0, read: -1 });
  useEffect(() => {
    const counter = version.current;
    counter.read = -1;
    const bump = (): void => void counter.current++;
    // Not `update`: the stored content arrives without one (collab/applyStored.ts), and must count.
    session.doc.on('afterTransaction', bump);
    return () => session.doc.off('afterTransaction', bump);
  }, [session.doc]);
  const refreshNarratives = useCallback(() => {
    const counter = version.current;
    if (counter.read === counter.current) return;
    counter.read = counter.current;
    const next = readNarrativesOf(session.doc);
    setReading((prev) => (sameReading(prev, next) ? prev : next));
  }, [session.doc]);
  const { dealLog, link, teamCopy } = useTeamDealLog(notes);
  const deals = dealLog.deals;
  // "Log deal" is offered as soon as the role allows it: the form opens at once, and the notes document,
  // opened meanwhile, is needed only by the time the deal is saved.
  // Until the notes' own connection has a session (offline, or the log still on its way), the workspace's
  // role decides.
  const role = useWorkspaceRole();
  const mayLog = mayWriteNotes(role, link);
  const canWrite = notes !== null && mayLog;
  const memberId = workspace.memberId;
  const moderator = mayModerate(link?.session?.role ?? role);
  const actor = useMemo<DealActor>(() => ({ author, authorId: memberId, moderator }), [author, memberId, moderator]);
  const anchored = useAnchoredNotes(notes, actor, canWrite);

  useEffect(() => {
    let cancelled = false;
    let opened = false;
    void workspace.openNotes(session.playbookId).then((result) => {
      if (!result.ok) {
        console.error('[notes] cannot open notes', result.error.message);
        if (!cancelled) setNotesError(result.error.message);
        return;
      }
      opened = true;
      if (cancelled) void workspace.closeNotes(session.playbookId);
      else setNotes(result.value);
    });
    return () => {
      cancelled = true;
      if (opened) void workspace.closeNotes(session.playbookId);
    };
  }, [workspace, session.playbookId]);

  // The narratives (titles, personas) are read when the form or the review needs them, and kept current
  // while the review is open.
  const needNarratives = reviewOpen || form !== null;
  useEffect(() => {
    if (!needNarratives) return;
    refreshNarratives();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const handleUpdate = (): void => {
      clearTimeout(timer);
      timer = setTimeout(refreshNarratives, 300);
    };
    session.doc.on('update', handleUpdate);
    return () => {
      clearTimeout(timer);
      session.doc.off('update', handleUpdate);
    };
  }, [needNarratives, session.doc, refreshNarratives]);

  // Once the deal log is read, the review's first screen is derived in the background, a step per task (the
  // narratives are read for it first): opening the review of 20,000 deals then costs about what 200 do.
  useEffect(() => {
    if (!dealLog.complete || reviewOpen || deals.length === 0) return;
    if (narratives.length === 0) {
      const timer = setTimeout(refreshNarratives, 0);
      return () => clearTimeout(timer);
    }
    const cancel = warmReview(narratives, deals, localToday());
    // The deal cards ask for histories: index the edit log's keys now rather than on the review's first paint.
    const doc = notes?.doc;
    const timer = setTimeout(() => doc && !doc.isDestroyed && readDealHistory(doc, deals[0]!.id), 0);
    return () => {
      cancel();
      clearTimeout(timer);
    };
  }, [dealLog.complete, deals, narratives, reviewOpen, refreshNarratives, notes]);

  const openForm = useCallback(
    (narrativeId: string | null, editing: DealEntry | null = null) => {
      // Read now, so the form's first render already knows the narrative's title and persona.
      refreshNarratives();
      setForm({ narrativeId, editing });
    },
    [refreshNarratives],
  );
  const logDealFrom = useMemo(
    () => (canWrite ? (narrative: NarrativeSummary) => openForm(narrative.id) : undefined),
    [canWrite, openForm],
  );

  // "Log deal" (Mod+Shift+L, or the palette) logs a deal for the narrative holding the caret or selection
  // (works in a read-only editor); the registry hears the shortcut (listenForPlaybookShortcuts).
  const logDealHere = useCallback(() => {
    const anchor = window.getSelection()?.anchorNode ?? null;
    const element = anchor instanceof Element ? anchor : (anchor?.parentElement ?? null);
    openForm(element?.closest<HTMLElement>('[data-narrative-id]')?.dataset.narrativeId ?? null);
  }, [openForm]);
  useCommand('deal:log', logDealHere, mayLog);

  const save = (input: DealInput): { ok: true } | { ok: false; message: string } => {
    if (notes === null || form === null) return { ok: false, message: 'The notes are not open yet.' };
    const writer = { ...actor, now: Date.now() };
    const result = form.editing
      ? updateDeal(notes.doc, form.editing.id, input, writer)
      : addDeal(notes.doc, stampDeal ? stampDeal(input) : input, writer);
    if (!result.ok) return { ok: false, message: result.error.message };
    setForm(null);
    return { ok: true };
  };

  return {
    notes,
    notesError,
    deals,
    dealLog,
    teamCopy,
    narratives,
    narrativeTexts,
    anchored,
    actor,
    canWrite,
    reviewOpen,
    toggleReview: () => setReviewOpen((open) => !open),
    logDealFrom,
    form,
    openForm,
    closeForm: () => setForm(null),
    save,
  };
}

/** The quick deal form or the anchored note dialog, when open. */
export function DealFormHost({ notes }: { notes: PlaybookNotesState }) {
  if (notes.form === null) return <AnchoredNoteDialog anchored={notes.anchored} />;
  return (
    <QuickDealForm
      narratives={notes.narratives}
      narrativeId={notes.form.narrativeId}
      editing={notes.form.editing}
      onSave={notes.save}
      onCancel={notes.closeForm}
    />
  );
}

/** The review of the playbook, with the notes' import and export. */
export function ReviewHost({
  notes,
  versionMarkers,
  narrativeExtra,
  dealVersion,
}: { notes: PlaybookNotesState } & Pick<ReviewViewProps, 'versionMarkers' | 'narrativeExtra' | 'dealVersion'>) {
  const doc = notes.notes?.doc ?? null;
  const historyOf = useCallback((id: string) => (doc ? readDealHistory(doc, id) : []), [doc]);
  const shown = useWarmDeals(notes.narratives, notes.deals);
  const { dealLog } = notes;
  // The review keeps showing the last log it derived while it derives a newer one: after the team's copy
  // arrived, that last log is a part of it, so "receiving" stays until the whole one is shown.
  const [settling, setSettling] = useState(false);
  if (notes.teamCopy === 'receiving' && !settling) setSettling(true);
  if (notes.teamCopy !== 'receiving' && settling && !shown.pending) setSettling(false);
  const receiving = notes.teamCopy === 'receiving' || (settling && shown.pending);
  // A device joining the team receives the deal log from the server in pieces: until it has read all of it,
  // the review says so instead of counting a part as the whole. Offline before it arrived, the review shows
  // what is here, saying that it is not everything.
  return (
    <ReviewView
      narratives={notes.narratives}
      deals={shown.deals}
      // Until the notes document is open (applied in slices at 20,000 deals) there is nothing to count yet;
      // a log read but not yet derived counts as all read, rather than as empty.
      loading={
        notes.notes === null
          ? { read: 0, total: 0 }
          : receiving
            ? { read: notes.deals.length, total: 0, from: 'server' }
            : !dealLog.complete
              ? dealLog
              : shown.pending && shown.deals.length === 0
                ? { read: dealLog.total, total: dealLog.total }
                : null
      }
      incomplete={notes.teamCopy === 'offline'}
      loadError={notes.notesError}
      anchoredNotes={notes.anchored.list}
      narrativeTexts={notes.narrativeTexts}
      actor={notes.actor}
      canWrite={notes.canWrite}
      historyOf={historyOf}
      onLogDeal={(id) => notes.openForm(id)}
      onEditDeal={(deal) => notes.openForm(null, deal)}
      versionMarkers={versionMarkers}
      narrativeExtra={narrativeExtra}
      dealVersion={dealVersion}
      actions={
        doc && (
          <CsvActions
            doc={doc}
            deals={notes.deals}
            narratives={notes.narratives}
            actor={notes.actor}
            canWrite={notes.canWrite}
            linked={notes.notes?.link != null}
            notYet={receiving ? 'The team’s deal log is still arriving from the server.' : null}
          />
        )
      }
    />
  );
}
