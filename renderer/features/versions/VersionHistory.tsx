/**
 * The history of a playbook: its versions (name, who, when, which narratives changed), a comparison of any
 * two of them or of one with the text now, "Save version", and restores — of one narrative or the whole
 * playbook — applied through the editor as ordinary, undoable edits and recorded as versions of their own.
 * Shown in place of the text while the editor stays mounted and bound.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $setSelection } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import { compareVersions, type VersionComparison } from '@shared/versions/compareVersions';
import { narrativeView } from '@shared/versions/narrativeView';
import { contentNarratives, type VersionContent } from '@shared/versions/versionContent';
import { $readNarratives } from '../../editor/narrativeOps';
import { EmptyState } from '../../ui/EmptyState';
import { IS_MAC } from '../../platform/os';
import { Kbd } from '../../ui/Kbd';
import { $captureContent, $restoreNarrative, $restorePlaybook } from './contentOps';
import { CompareView } from './CompareView';
import { SaveVersionDialog } from './SaveVersionDialog';
import type { PlaybookVersionsState } from './usePlaybookVersions';
import { VersionList } from './VersionList';
import './versions.css';

/** Props of VersionHistory. */
export interface VersionHistoryProps {
  versions: PlaybookVersionsState;
  author: string;
  /** Whether this person may change the playbook (restores are edits of it). */
  editable: boolean;
  onClose: () => void;
  /** Compare from this version to now when the panel opens (a "what changed" diff link). */
  initialFrom?: string | null;
  /** Scroll this narrative's card into view once the comparison shows. */
  focusNarrativeId?: string | null;
}

const NOW = 'now';
/**
 * The binding's undo manager merges edits less than 500 ms apart into one undo step. A restore must be a step
 * of its own (Ctrl+Z takes back the restore, not the typing before it), so it waits until that long after
 * the panel opened (the text cannot be typed in meanwhile) or after the previous restore.
 */
const UNDO_CAPTURE_MS = 550;

type Compared =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; comparison: VersionComparison }
  | { status: 'missing' };

/** The history panel. */
export function VersionHistory({
  versions: state,
  author,
  editable,
  onClose,
  initialFrom = null,
  focusNarrativeId = null,
}: VersionHistoryProps) {
  const [editor] = useLexicalComposerContext();
  const { library, versions, canWrite } = state;
  const [fromId, setFromId] = useState<string | null>(initialFrom);
  const [toId, setToId] = useState<string>(NOW);
  const [compared, setCompared] = useState<Compared>({ status: 'idle' });
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState('');
  const [revision, setRevision] = useState(0);
  const quietFrom = useRef(0);
  useEffect(() => {
    quietFrom.current = performance.now() + UNDO_CAPTURE_MS;
  }, []);
  const label = useCallback(
    (id: string) => (id === NOW ? 'now' : `v${versions.findIndex((v) => v.id === id) + 1}`),
    [versions],
  );
  const titles = useMemo(
    () =>
      new Map(
        editor
          .getEditorState()
          .read($readNarratives)
          .map((n) => [n.id, n.title]),
      ),
    // Re-read when a restore or a new version may have changed them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, versions, revision],
  );

  // Compare the latest version with now by default, once there is one.
  const latest = versions.at(-1)?.id ?? null;
  const from = fromId !== null && versions.some((v) => v.id === fromId) ? fromId : latest;

  const load = useCallback(
    (id: string): Promise<VersionContent | null> =>
      id === NOW ? Promise.resolve(editor.getEditorState().read($captureContent)) : library!.load(id),
    [editor, library],
  );

  useEffect(() => {
    if (from === null || library === null) return setCompared({ status: 'idle' });
    let cancelled = false;
    setCompared({ status: 'loading' });
    void Promise.all([load(from), load(toId)]).then(([a, b]) => {
      if (cancelled) return;
      setCompared(a && b ? { status: 'ready', comparison: compareVersions(a, b) } : { status: 'missing' });
    });
    return () => {
      cancelled = true;
    };
  }, [from, toId, library, load, revision]);

  useEffect(() => {
    if (compared.status !== 'ready' || !focusNarrativeId) return;
    document
      .querySelector(`[data-testid="compare-narrative"][data-narrative-id="${CSS.escape(focusNarrativeId)}"]`)
      ?.scrollIntoView({ block: 'start' });
  }, [compared, focusNarrativeId]);

  const saveVersion = async (name: string, note: string) => {
    if (!library) return { ok: false as const, message: 'The versions are not open yet.' };
    const content = editor.getEditorState().read($captureContent);
    const result = await library.save({ content, name, note, author, kind: 'manual' });
    if (!result.ok) return { ok: false as const, message: result.error.message };
    setSaving(false);
    setMessage(`Saved “${name.trim()}”.`);
    setFromId(null);
    setToId(NOW);
    return { ok: true as const };
  };

  const restore = async (what: { narrativeId: string; title: string } | null): Promise<void> => {
    if (!library || from === null) return;
    const content = await library.load(from);
    if (!content) return setMessage('That version’s content could not be read.');
    const wait = quietFrom.current - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    quietFrom.current = performance.now() + UNDO_CAPTURE_MS;
    editor.update(
      () => {
        // The caret may sit in a narrative about to be replaced; Lexical refuses a selection left dangling.
        $setSelection(null);
        if (what) $restoreNarrative(content, what.narrativeId);
        else $restorePlaybook(content);
      },
      { discrete: true },
    );
    // Named by the words brought back, not by the ones they replace.
    const restored = what && contentNarratives(content).find((n) => n.narrativeId === what.narrativeId);
    const title = restored ? narrativeView(restored).title : (what?.title ?? '');
    const name = what
      ? `Restored “${title.trim() || 'Untitled narrative'}” from ${label(from)}`
      : `Restored the playbook to ${label(from)}`;
    const saved = await library.save({
      content: editor.getEditorState().read($captureContent),
      name: name.slice(0, 120),
      author,
      kind: 'restore',
      restoredFrom: from,
    });
    if (!saved.ok) console.error('[versions] restore not recorded:', saved.error.message);
    setMessage(`${name}. To take it back, go back to the text and press ${IS_MAC ? '⌘Z' : 'Ctrl+Z'}.`);
    setRevision((r) => r + 1);
  };

  useEffect(() => {
    if (saving) return; // the dialog handles its own Escape
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    document.addEventListener('keydown', handleKeyDown);
    return () => document.removeEventListener('keydown', handleKeyDown);
  }, [saving, onClose]);

  const mayRestore = editable && canWrite;
  return (
    <div className="versions" data-testid="version-history">
      <div className="versions-toolbar">
        <h2 className="versions-title">Version history</h2>
        <p className="versions-status" role="status" aria-live="polite" data-testid="versions-status">
          {message}
        </p>
        <div className="versions-actions">
          {canWrite && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setSaving(true)}
              data-testid="save-version"
            >
              Save version
            </button>
          )}
          <button type="button" className="button" onClick={onClose} data-testid="history-close">
            Back to text <Kbd keys="Esc" />
          </button>
        </div>
      </div>
      {versions.length === 0 ? (
        <EmptyState title="No versions yet" testId="versions-empty">
          <p>
            A version keeps the words of every narrative at a moment you choose, so you can compare later drafts with
            it, bring old wording back, and see in the review whether a rewrite wins more deals.
          </p>
          <p>
            {canWrite
              ? 'Save one now, or let Duet take one when a narrative is approved and once a day while you edit.'
              : 'Storytellers and marketing save versions; they will appear here.'}
          </p>
        </EmptyState>
      ) : (
        <div className="versions-body">
          <VersionList
            versions={versions}
            titles={titles}
            selectedId={from}
            onCompare={(id, with_) => {
              setFromId(id);
              setToId(with_);
            }}
          />
          <div className="versions-compare">
            <div className="versions-pickers">
              <label className="review-filter">
                <span>Compare</span>
                <select value={from ?? ''} onChange={(e) => setFromId(e.target.value)} data-testid="compare-from">
                  {versions.map((v: VersionMeta, i) => (
                    <option key={v.id} value={v.id}>
                      v{i + 1} · {v.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="review-filter">
                <span>with</span>
                <select value={toId} onChange={(e) => setToId(e.target.value)} data-testid="compare-to">
                  <option value={NOW}>The text now</option>
                  {versions.map((v, i) => (
                    <option key={v.id} value={v.id}>
                      v{i + 1} · {v.name}
                    </option>
                  ))}
                </select>
              </label>
              {mayRestore && from !== null && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void restore(null)}
                  data-testid="restore-playbook"
                >
                  Restore whole playbook to {label(from)}
                </button>
              )}
            </div>
            {compared.status === 'loading' && (
              <p className="muted" aria-busy="true">
                Comparing…
              </p>
            )}
            {compared.status === 'missing' && (
              <p className="form-error">
                This version’s content has not arrived on this device yet, or cannot be read.
              </p>
            )}
            {compared.status === 'ready' && from !== null && (
              <CompareView
                comparison={compared.comparison}
                fromLabel={label(from)}
                toLabel={toId === NOW ? 'the text now' : label(toId)}
                onRestoreNarrative={mayRestore ? (id, title) => void restore({ narrativeId: id, title }) : undefined}
              />
            )}
          </div>
        </div>
      )}
      {saving && (
        <SaveVersionDialog
          defaultName={`Version ${versions.length + 1}`}
          onSave={saveVersion}
          onClose={() => setSaving(false)}
        />
      )}
    </div>
  );
}
