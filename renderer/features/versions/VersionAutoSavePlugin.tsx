/**
 * Takes versions without anyone asking: when a narrative becomes Approved (the approved words), and once a
 * day when the playbook is first edited (the words as they stood before that day's edits, named by date).
 * Only this person's own edits trigger it — a collaborator's client takes its own — and only for those who
 * may write versions.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { EditorState } from 'lexical';
import { $getNarrativeNodes, $readNarrative } from '../../editor/narrativeOps';
import { $captureContent } from './contentOps';
import { dailyVersionName, localDay } from './versionDates';
import type { VersionLibrary } from './VersionLibrary';

/** Props of VersionAutoSavePlugin. */
export interface VersionAutoSavePluginProps {
  library: VersionLibrary;
  author: string;
}

function statuses(state: EditorState): Map<string, { approved: boolean; title: string }> {
  return state.read(() => {
    const out = new Map<string, { approved: boolean; title: string }>();
    for (const node of $getNarrativeNodes()) {
      const n = $readNarrative(node);
      out.set(n.id, { approved: n.status === 'approved', title: n.title });
    }
    return out;
  });
}

function report(result: Promise<{ ok: boolean; error?: { message: string } }>): void {
  void result.then((r) => {
    if (!r.ok) console.error('[versions] automatic version not saved:', r.error?.message);
  });
}

/** Registers the automatic versions on the editor; renders nothing. */
export function VersionAutoSavePlugin({ library, author }: VersionAutoSavePluginProps) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let dailyTakenOn = '';
    return editor.registerUpdateListener(({ editorState, prevEditorState, tags, dirtyElements, dirtyLeaves }) => {
      // Remote changes and undo/redo arrive tagged; only this person's own edits count.
      if (tags.has('collaboration') || tags.has('historic')) return;
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      const today = localDay(Date.now());
      if (dailyTakenOn !== today) {
        dailyTakenOn = today;
        if (!library.list().some((v) => localDay(v.createdAt) === today)) {
          const content = prevEditorState.read($captureContent);
          report(
            library.save({ content, name: dailyVersionName(Date.now()), author, kind: 'daily', onlyIfChanged: true }),
          );
        }
      }
      const before = statuses(prevEditorState);
      const approved = [...statuses(editorState)].filter(([id, s]) => s.approved && before.get(id)?.approved === false);
      if (approved.length > 0) {
        const content = editorState.read($captureContent);
        const titles = approved.map(([, s]) => `“${s.title.trim() || 'Untitled narrative'}”`).join(', ');
        report(library.save({ content, name: `Approved: ${titles}`.slice(0, 120), author, kind: 'approval' }));
      }
    });
  }, [editor, library, author]);
  return null;
}
