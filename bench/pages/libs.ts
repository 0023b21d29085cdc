/**
 * The first-load baseline: a page that loads React, Lexical (with its React bindings and the Yjs binding)
 * and Yjs, and nothing else, then shows an empty collaborative editor on a new Y.Doc — the least any
 * Lexical + Yjs app must fetch and run before its first screen. bench/firstLoad.mjs compares the app's
 * cold start (welcome screen, last playbook editable) and its first-screen script bytes with this page.
 * It marks itself ready with `data-bench-ready` on the root once the editor is editable.
 */
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext';
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { Provider } from '@lexical/yjs';
import { createElement as h, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { storedProvider } from './storedProvider';

/** Marks the page ready once it has committed (the editor's root is in the DOM by then). */
function Ready() {
  useEffect(() => document.getElementById('root')?.setAttribute('data-bench-ready', ''), []);
  return null;
}

const doc = new Y.Doc();
const provider = storedProvider(doc);
const providerFactory = (id: string, docMap: Map<string, Y.Doc>): Provider => {
  docMap.set(id, doc);
  return provider;
};
const initialConfig = {
  namespace: 'duet-bench-libs',
  editorState: null,
  onError: (error: Error) => console.error('[bench]', error),
};
const content = h(ContentEditable, { 'aria-label': 'Empty editor' });
const root = document.getElementById('root');
if (root === null) throw new Error('[bench] #root missing');
createRoot(root).render(
  h(
    LexicalCollaboration,
    null,
    h(
      LexicalComposer,
      { initialConfig },
      h(RichTextPlugin, { contentEditable: content, ErrorBoundary: LexicalErrorBoundary }),
      h(CollaborationPlugin, { id: 'libs', providerFactory, shouldBootstrap: true, username: 'Bench' }),
      h(Ready),
    ),
  ),
);
