/**
 * Reads and writes playbook content without a visible editor: a headless Lexical editor is bound through the
 * official Yjs binding, so what it writes is exactly what typing would have produced. Used to create
 * playbooks from templates (before the directory lists them, so no client ever sees an empty playbook and
 * seeds it a second time), to build the sample workspace, and by tests and benchmarks.
 */
import { createHeadlessEditor } from '@lexical/headless';
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import { $getRoot, type LexicalEditor } from 'lexical';
import * as Y from 'yjs';
import { PLAYBOOK_NODES } from '../nodes';
import { $appendSpec, type PlaybookSpec } from '../docSpec';

/** A provider with no network and no peers: the binding only needs somewhere to read awareness from. */
function offlineProvider(): Provider {
  const noop = (): void => {};
  return {
    awareness: {
      getLocalState: () => null,
      getStates: () => new Map(),
      on: noop,
      off: noop,
      setLocalState: noop,
      setLocalStateField: noop,
    },
    connect: noop,
    disconnect: noop,
    on: noop,
    off: noop,
  };
}

function onError(error: Error): void {
  throw error; // a headless build failing is a bug in Duet, not something to carry on from
}

/** A headless editor bound (Yjs → Lexical and back) to `doc`, with its binding; `dispose` unbinds it. */
export function bindHeadlessEditor(doc: Y.Doc): { editor: LexicalEditor; binding: Binding; dispose: () => void } {
  const editor = createHeadlessEditor({ namespace: 'duet-headless', nodes: PLAYBOOK_NODES, onError });
  const provider = offlineProvider();
  const binding = createYjsBinding({ editor, id: 'headless', doc, docMap: new Map([['headless', doc]]) });
  const root = binding.root.getSharedType();
  const onYjs = (events: Y.YEvent<Y.XmlText>[], tx: Y.Transaction): void => {
    if (tx.origin !== binding) syncYjsChangesToLexical(binding, provider, events as never, false, () => {});
  };
  root.observeDeep(onYjs as never);
  const removeListener = editor.registerUpdateListener((u) => {
    syncLexicalUpdateToYjs(
      binding,
      provider,
      u.prevEditorState,
      u.editorState,
      u.dirtyElements,
      u.dirtyLeaves,
      u.normalizedNodes,
      u.tags,
    );
  });
  return {
    editor,
    binding,
    dispose: () => {
      removeListener();
      root.unobserveDeep(onYjs as never);
    },
  };
}

/**
 * Runs `fn` against a headless editor holding `doc`'s content; every change `fn` makes is written back to
 * `doc` as one Yjs update. Returns the editor so callers can read its final state.
 *
 * The editor is bound to an empty twin document which then receives `doc`'s state: a V1 binding learns
 * content from Yjs events, and this is how it hydrates, exactly as when a provider syncs a fresh document.
 */
export function withHeadlessPlaybook(doc: Y.Doc, fn: (editor: LexicalEditor) => void): LexicalEditor {
  const twin = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(twin);
  try {
    Y.applyUpdate(twin, Y.encodeStateAsUpdate(doc));
    editor.update(() => {}, { discrete: true }); // commit the hydration before `fn` reads or writes
    fn(editor);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(twin, Y.encodeStateVector(doc)));
  } finally {
    dispose();
    twin.destroy();
  }
  return editor;
}

/** A playbook document kept readable as it changes: apply updates to `doc`, then `read` the current content. */
export interface HeadlessMirror {
  /** Starts empty; every update applied to it reaches the bound editor as Yjs events. */
  readonly doc: Y.Doc;
  /** The bound editor (its state is current after a `read`). */
  readonly editor: LexicalEditor;
  /** Runs `read` inside the editor state that holds every update applied so far. */
  read<T>(read: () => T): T;
  dispose(): void;
}

/**
 * A long-lived headless reader of one playbook (the search worker keeps one per document that is being
 * edited): an update costs the binding's work for that update, not a rebuild of the whole playbook.
 */
export function openHeadlessMirror(): HeadlessMirror {
  const doc = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(doc);
  return {
    doc,
    editor,
    read<T>(read: () => T): T {
      editor.update(() => {}, { discrete: true }); // commit what the Yjs events queued
      let result: T | undefined;
      editor.getEditorState().read(() => {
        result = read();
      });
      return result as T;
    },
    dispose: () => {
      dispose();
      doc.destroy();
    },
  };
}

/** Writes `spec` as the whole content of a (normally new) playbook document and returns the document. */
export function createPlaybookDoc(spec: PlaybookSpec, doc: Y.Doc = new Y.Doc()): Y.Doc {
  withHeadlessPlaybook(doc, (editor) => {
    editor.update(
      () => {
        $getRoot().clear();
        $appendSpec(spec);
      },
      { discrete: true },
    );
  });
  return doc;
}

/** Reads a playbook document: runs `read` inside the editor state holding its content. */
export function readPlaybookDoc<T>(doc: Y.Doc, read: () => T): T {
  let result: T | undefined;
  const editor = withHeadlessPlaybook(doc, () => {});
  editor.getEditorState().read(() => {
    result = read();
  });
  return result as T;
}
