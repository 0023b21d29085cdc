/**
 * The baseline editor: LexicalComposer + RichTextPlugin + the official CollaborationPlugin with the playbook's
 * node set and theme, and nothing else — no shell, no toolbar, no outline, no narrative chrome, no
 * persistence. It reads the same stored Yjs records from the same IndexedDB (`?doc=` names the document) and
 * its provider applies them on connect, as LocalProvider does, so app minus baseline is what Duet adds.
 * Written with createElement so that it is typechecked with the other bench sources (tests/tsconfig: *.ts).
 */
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { Provider } from '@lexical/yjs';
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { PLAYBOOK_NODES } from '../../renderer/editor/nodes';
import { OpenTimingPlugin } from '../../renderer/editor/plugins/OpenTimingPlugin';
import { measurePhase } from '../../renderer/platform/measurePhase';
import { PLAYBOOK_THEME } from '../../renderer/editor/theme';
import { syncChangedSubtreesOnly } from '../../renderer/editor/syncChangedSubtreesOnly';
import { storedProvider } from './storedProvider';
// The app's own styles, so the baseline lays out and paints the same boxes as the app does.
import '../../renderer/app/styles/base.css';
import '../../renderer/app/styles/editor.css';

/** The raw records of one document, read the way IndexedDbDocStore stores them (store `updates`, index `byDoc`). */
async function readRecords(docName: string): Promise<Uint8Array[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('duet-docs');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('[bench] cannot open duet-docs'));
  });
  const records = await new Promise<{ bytes: Uint8Array }[]>((resolve, reject) => {
    const req = db.transaction('updates').objectStore('updates').index('byDoc').getAll(IDBKeyRange.only(docName));
    req.onsuccess = () => resolve(req.result as { bytes: Uint8Array }[]);
    req.onerror = () => reject(req.error ?? new Error('[bench] cannot read duet-docs'));
  });
  db.close();
  return records.map((r) => r.bytes);
}

/**
 * `?fix=1`: the bare editor with the app's one change to the binding (syncChangedSubtreesOnly), so the typing
 * bench can also say what the app's own work costs beside an editor that has the same binding.
 */
function BindingFix(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!syncChangedSubtreesOnly(editor)) throw new Error('[bench] the binding fix could not be installed');
  }, [editor]);
  return null;
}

async function main(): Promise<void> {
  const docName = new URLSearchParams(location.search).get('doc');
  if (docName === null) throw new Error('[bench] bare.html needs ?doc=<document name>');
  const reading = measurePhase('open:script', 0);
  const records = await readRecords(docName);
  measurePhase('open:read-store', reading);
  const doc = new Y.Doc();
  const provider = storedProvider(doc, records);
  const providerFactory = (id: string, docMap: Map<string, Y.Doc>): Provider => {
    docMap.set(id, doc);
    return provider;
  };
  const initialConfig = {
    namespace: 'duet-bench-bare',
    nodes: PLAYBOOK_NODES,
    theme: PLAYBOOK_THEME,
    editorState: null,
    onError: (error: Error) => console.error('[bench]', error),
  };
  // The same containers as the app (a viewport-high scroll box), so the styles lay out and paint identically.
  const content = h(ContentEditable, { className: 'editor-content', 'aria-label': 'Bare editor' });
  const canvas = h(
    'div',
    { className: 'editor-canvas' },
    h(OpenTimingPlugin),
    h(RichTextPlugin, { contentEditable: content, ErrorBoundary: LexicalErrorBoundary }),
  );
  const scroll = h('div', { className: 'editor-scroll' }, canvas);
  const editor = h(
    'div',
    { className: 'app' },
    h('div', { className: 'editor-layout' }, h('div', { className: 'editor-main' }, scroll)),
  );
  const collab = h(CollaborationPlugin, { id: docName, providerFactory, shouldBootstrap: false, username: 'Bench' });
  const fixed = new URLSearchParams(location.search).get('fix') === '1' ? h(BindingFix) : null;
  const root = document.getElementById('root');
  if (root === null) throw new Error('[bench] #root missing');
  createRoot(root).render(h(LexicalCollaboration, null, h(LexicalComposer, { initialConfig }, editor, collab, fixed)));
}

void main();
