/**
 * Renders the non-editable chrome of every narrative section with React portals: a header of field chips
 * (status badge, persona, stage, owner, section menu) and a footer with the proof points. Clicking a chip
 * opens the details dialog. Events inside the chrome are marked as handled so the editor never treats a
 * click or key press on a chip as typing.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { IS_MAC } from '../../platform/os';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, type LexicalEditor } from 'lexical';
import { memo, startTransition, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { NarrativeFields, NarrativeSummary } from '@shared/domain/narrative';
import { lazyPart } from '../../ui/lazyPart';
import { LazyConfirmDialog } from '../../ui/LazyConfirmDialog';
import { $isNarrativeNode, NARRATIVE_CLASSES, NarrativeNode } from '../nodes';
import {
  $deleteNarrative,
  $duplicateNarrative,
  $getEnclosingNarrative,
  $moveNarrative,
  $readNarrative,
  $setNarrativeFields,
} from '../narrativeOps';
import { measurePhase } from '../../platform/measurePhase';
import { NarrativeChromeStore } from './narrativeChromeStore';
import { useSeenNearViewport } from './nearViewport';
import { NarrativeHeader } from './NarrativeHeader';
import type { DetailsField } from './NarrativeDetailsDialog';
import type { NarrativeGovernanceSource } from './narrativeGovernanceSource';

/** A narrative's details (status, persona, stage, owner, proof) in a dialog that loads the first time it opens. */
const NarrativeDetailsDialog = lazyPart(() => import('./NarrativeDetailsDialog'), 'NarrativeDetailsDialog', {
  label: 'Opening the details…',
  shape: 'dialog',
});

// Events the editor's root listens to; inside the chrome they belong to the buttons, not to the text.
const ISOLATED_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'cut',
  'copy',
  'click',
  'dragstart',
  'compositionstart',
  'focusin',
];

function isolate(element: HTMLElement): () => void {
  const mark = (event: Event): void => {
    (event as Event & { _lexicalHandled?: boolean })._lexicalHandled = true;
  };
  for (const name of ISOLATED_EVENTS) element.addEventListener(name, mark);
  return () => ISOLATED_EVENTS.forEach((name) => element.removeEventListener(name, mark));
}

function readEntry(editor: LexicalEditor, store: NarrativeChromeStore, key: string): void {
  const dom = editor.getElementByKey(key);
  const node = $getNodeByKey(key);
  if (dom === null || !$isNarrativeNode(node)) return;
  const meta = dom.querySelector<HTMLElement>(`:scope > .${NARRATIVE_CLASSES.meta}`);
  const proof = dom.querySelector<HTMLElement>(`:scope > .${NARRATIVE_CLASSES.proof}`);
  if (meta && proof) store.set({ key, summary: $readNarrative(node), meta, proof });
}

/** Props of NarrativeChromePlugin. */
export interface NarrativeChromePluginProps {
  /** False for people who may read but not edit the playbook. */
  editable: boolean;
  /** Opens the deal log for a narrative; absent when this person may not write notes. Keep it stable. */
  onLogDeal?: (narrative: NarrativeSummary) => void;
  /** Badges and approval actions (absent: the status field is shown and set directly). Keep it stable. */
  governance?: NarrativeGovernanceSource;
}

const NO_SUBSCRIPTION = (): (() => void) => () => {};

/** Mounts the chrome of all narratives. Memoised: a parent re-render must not re-render 200 sections. */
export const NarrativeChromePlugin = memo(function NarrativeChromePlugin({
  editable,
  onLogDeal,
  governance,
}: NarrativeChromePluginProps) {
  const [editor] = useLexicalComposerContext();
  const [store] = useState(() => new NarrativeChromeStore());
  const [editing, setEditing] = useState<{ key: string; field: DetailsField } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; title: string } | null>(null);
  // The list of sections follows in a transition: when a playbook opens, its text is painted first and the
  // chrome of 200 sections renders in slices after it (a section's own fields still update at once).
  const [keys, setKeys] = useState(() => store.getKeys());
  useEffect(() => {
    const follow = (): void => startTransition(() => setKeys(store.getKeys()));
    follow();
    return store.subscribeList(follow);
  }, [store]);

  useEffect(() => {
    let measured = false;
    return mergeRegister(
      editor.registerMutationListener(NarrativeNode, (mutations) => {
        const started = performance.now();
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') store.delete(key);
            else readEntry(editor, store, key);
          }
        });
        // The first content: the stored playbook arriving (bench/openPlaybook.mjs prints it).
        if (!measured && store.getKeys().length > 0) measured = Boolean(measurePhase('open:chrome', started));
      }),
      editor.registerUpdateListener(({ editorState, dirtyElements }) => {
        editorState.read(() => {
          const touched = new Set<string>();
          for (const key of dirtyElements.keys()) {
            const narrative = $getEnclosingNarrative($getNodeByKey(key));
            if (narrative) touched.add(narrative.getKey());
          }
          for (const key of touched) readEntry(editor, store, key);
        });
      }),
    );
  }, [editor, store]);

  const entry = editing ? store.get(editing.key) : undefined;

  const runOn = useCallback(
    (id: string, op: (id: string) => unknown): void => editor.update(() => void op(id)),
    [editor],
  );
  // One stable object for all sections, so a section re-renders only when its own fields change.
  const actions = useMemo<ChromeActions>(
    () => ({
      edit: (key, field) => setEditing({ key, field }),
      move: (id, direction) => runOn(id, (i) => $moveNarrative(i, direction)),
      duplicate: (id) => runOn(id, $duplicateNarrative),
      remove: (id, title) => setDeleting({ id, title }),
      logDeal: onLogDeal,
      governance,
    }),
    [runOn, onLogDeal, governance],
  );
  const badge = entry ? governance?.badge(entry.summary.id) : undefined;

  return (
    <>
      {keys.map((key) => (
        <NarrativeChrome key={key} nodeKey={key} store={store} editable={editable} actions={actions} />
      ))}
      {entry && (
        <NarrativeDetailsDialog
          summary={badge ? { ...entry.summary, status: badge.status } : entry.summary}
          focusField={editing!.field}
          lockedStatuses={governance?.lockedStatuses()}
          onCancel={() => setEditing(null)}
          onSave={(fields: NarrativeFields) => {
            const id = entry.summary.id;
            if (!governance) editor.update(() => void $setNarrativeFields(id, fields));
            else {
              // The status is governance's to set (as records); the other fields are written first, and
              // at once, so an approval hashes and keeps the words as saved here.
              editor.update(() => void $setNarrativeFields(id, { ...fields, status: entry.summary.status }), {
                discrete: true,
              });
              if (fields.status !== (badge?.status ?? entry.summary.status)) governance.chooseStatus(id, fields.status);
            }
            setEditing(null);
          }}
        />
      )}
      {deleting !== null && (
        <LazyConfirmDialog
          open
          title="Delete narrative?"
          message={`“${deleting.title || 'Untitled narrative'}” and its text will be removed from this playbook. You can undo with ${IS_MAC ? '⌘' : 'Ctrl'}+Z.`}
          confirmLabel="Delete narrative"
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            runOn(deleting.id, $deleteNarrative);
            setDeleting(null);
          }}
        />
      )}
    </>
  );
});

/** What a section's chrome can ask for; ids are narrative ids, keys are node keys. */
interface ChromeActions {
  edit: (key: string, field: DetailsField) => void;
  move: (id: string, direction: -1 | 1) => void;
  duplicate: (id: string) => void;
  remove: (id: string, title: string) => void;
  logDeal?: (narrative: NarrativeSummary) => void;
  governance?: NarrativeGovernanceSource;
}

interface NarrativeChromeProps {
  nodeKey: string;
  store: NarrativeChromeStore;
  editable: boolean;
  actions: ChromeActions;
}

const NarrativeChrome = memo(function NarrativeChrome({ nodeKey, store, editable, actions }: NarrativeChromeProps) {
  const entry = useSyncExternalStore(
    (l) => store.subscribeKey(nodeKey, l),
    () => store.get(nodeKey),
  );
  useEffect(() => {
    if (!entry) return;
    const offMeta = isolate(entry.meta);
    const offProof = isolate(entry.proof);
    return () => {
      offMeta();
      offProof();
    };
  }, [entry?.meta, entry?.proof]); // eslint-disable-line react-hooks/exhaustive-deps
  const seen = useSeenNearViewport(entry?.meta.parentElement);
  const { governance } = actions;
  const narrativeId = entry?.summary.id ?? '';
  const badge = useSyncExternalStore(governance ? governance.subscribe : NO_SUBSCRIPTION, () =>
    governance?.badge(narrativeId),
  );
  if (!entry || !seen) return null;
  const { summary } = entry;
  return (
    <>
      {createPortal(
        <NarrativeHeader
          summary={summary}
          editable={editable}
          onEdit={(field) => actions.edit(nodeKey, field)}
          onMove={(d) => actions.move(summary.id, d)}
          onDuplicate={() => actions.duplicate(summary.id)}
          onDelete={() => actions.remove(summary.id, summary.title)}
          onLogDeal={actions.logDeal && (() => actions.logDeal!(summary))}
          badge={badge}
          onApproval={governance && (() => governance.openApproval(summary.id))}
        />,
        entry.meta,
      )}
      {createPortal(
        <div className="proof-points">
          <div className="proof-points-head">
            <span className="proof-points-label">Proof points</span>
            {editable && (
              <button type="button" className="chip-button" onClick={() => actions.edit(nodeKey, 'proofPoints')}>
                {summary.proofPoints.length ? 'Edit' : '+ Add proof point'}
              </button>
            )}
          </div>
          {summary.proofPoints.length > 0 ? (
            <ul>
              {summary.proofPoints.map((point, i) => (
                <li key={i}>{point}</li>
              ))}
            </ul>
          ) : (
            <p className="proof-points-empty">No proof yet — add a customer result, a number or a quote.</p>
          )}
        </div>,
        entry.proof,
      )}
    </>
  );
});
