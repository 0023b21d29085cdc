/**
 * Takes versions without anyone asking: once a day when the playbook is first edited (the words as they
 * stood before that day's edits, named by date). The version of an approval is taken by the approval itself
 * (features/governance), which records its id with the storyteller's decision.
 * Only this person's own edits trigger it — a collaborator's client takes its own — and only for those who
 * may write versions.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { EditorState } from 'lexical';
import { isOwnEdit, stateBeforeFirstOwnEdit } from '../../editor/plugins/FirstOwnEditPlugin';
import { $captureContent } from './contentOps';
import { dailyVersionName, localDay } from './versionDates';
import type { VersionLibrary } from './VersionLibrary';

/** Props of VersionAutoSavePlugin. */
export interface VersionAutoSavePluginProps {
  library: VersionLibrary;
  author: string;
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
    const takeDaily = (before: EditorState): void => {
      const today = localDay(Date.now());
      if (dailyTakenOn === today) return;
      dailyTakenOn = today;
      if (library.list().some((v) => localDay(v.createdAt) === today)) return;
      const content = before.read($captureContent);
      report(library.save({ content, name: dailyVersionName(Date.now()), author, kind: 'daily', onlyIfChanged: true }));
    };
    // Edited before this plugin loaded (it comes with the versions, after the text): the words before that edit.
    const before = stateBeforeFirstOwnEdit(editor);
    if (before !== null) takeDaily(before);
    return editor.registerUpdateListener((update) => {
      if (isOwnEdit(update)) takeDaily(update.prevEditorState);
    });
  }, [editor, library, author]);
  return null;
}
