/**
 * Binds the editor to the playbook's Y.Doc with Lexical's V1 Yjs binding and connects the provider — from the
 * editor's first commit. Lexical's own CollaborationPlugin gets there in three: its first effects store the
 * provider in state, the re-render's effects create the binding and store it in state, and only the third
 * commit's effects observe the document and connect. Each step waited for a render, a commit and (passive
 * effects run after paint) a frame, so a returning user's stored text started to decode ~20 ms later than it
 * could (marks added to the phases of bench/openPlaybook.mjs put the connect 19 ms after the editor's first
 * effects; from the workspace's load to the decode took 71–84 ms, 61–62 with this plugin). Here the
 * binding is made and observed in the first commit's effects, and the provider connects once they have all
 * run (a microtask), so every plugin's listener is registered before the stored content arrives, as before.
 *
 * What the plugin did beside the binding is kept: remote carets (syncCursorPositions into a container inside
 * `cursorsContainerRef`), presence of this user (name, color, focus), undo/redo through a Yjs UndoManager that
 * tracks this editor's own changes only, CAN_UNDO/CAN_REDO for the toolbar, CONNECTED_COMMAND on status, and
 * the local presence cleared when the window goes away (so others' carets of this user vanish at once).
 * Nothing in Duet dispatches TOGGLE_CONNECT_COMMAND or emits the legacy 'reload' event, so neither is heard.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  CONNECTED_COMMAND,
  createUndoManager,
  createYjsBinding,
  initLocalState,
  setLocalStateFocus,
  syncCursorPositions,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs';
import {
  BLUR_COMMAND,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_EDITOR,
  FOCUS_COMMAND,
  getActiveElement,
  mergeRegister,
  REDO_COMMAND,
  registerEventListeners,
  SKIP_COLLAB_TAG,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useRef, type RefObject } from 'react';
import { UndoManager, type Doc, type Transaction, type YEvent, type XmlText } from 'yjs';

/** Props of CollaborationBindingPlugin. */
export interface CollaborationBindingProps {
  /** The document's name: the binding's id. */
  id: string;
  doc: Doc;
  provider: Provider;
  userName: string;
  userColor: string;
  /** Where remote carets are drawn (inside the scrolling canvas, so they move with the text). */
  cursorsContainerRef: RefObject<HTMLElement | null>;
}

/** The binding, bound from the editor's first commit; renders nothing. */
export function CollaborationBindingPlugin({
  id,
  doc,
  provider,
  userName,
  userColor,
  cursorsContainerRef,
}: CollaborationBindingProps): null {
  const [editor] = useLexicalComposerContext();
  // Who this user is when the binding starts; a later change of name or color reaches the presence through
  // the second effect, without rebinding.
  const identity = useRef({ name: userName, color: userColor });
  useEffect(
    () => bindEditor(editor, { id, doc, provider, cursorsContainerRef }, identity.current),
    [editor, id, doc, provider, cursorsContainerRef],
  );
  useEffect(() => {
    identity.current = { name: userName, color: userColor };
    return showAs(provider, editor, userName, userColor);
  }, [provider, editor, userName, userColor]);
  return null;
}

/** Binds `editor` to `doc` and connects `provider` (after this turn's other effects); returns the unbinding. */
function bindEditor(
  editor: LexicalEditor,
  { id, doc, provider, cursorsContainerRef }: Omit<CollaborationBindingProps, 'userName' | 'userColor'>,
  { name, color }: { name: string; color: string },
): () => void {
  const binding = createYjsBinding({ editor, id, doc, docMap: new Map([[id, doc]]) });
  const root = binding.root.getSharedType();
  const handleYjsChanges = (events: YEvent<XmlText>[], transaction: Transaction): void => {
    // The binding's own writes (this editor's edits) are in the editor already.
    if (transaction.origin === binding) return;
    syncYjsChangesToLexical(binding, provider, events, transaction.origin instanceof UndoManager, syncCursorPositions);
  };
  root.observeDeep(handleYjsChanges);
  const cursors = mountCursors(binding, cursorsContainerRef.current);
  const handleAwareness = (): void => syncCursorPositions(binding, provider);
  provider.awareness.on('update', handleAwareness);
  const handleStatus = ({ status }: { status: string }): void =>
    void editor.dispatchCommand(CONNECTED_COMMAND, status === 'connected');
  provider.on('status', handleStatus);
  const unregister = mergeRegister(
    editor.registerUpdateListener(
      ({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
        if (tags.has(SKIP_COLLAB_TAG)) return;
        syncLexicalUpdateToYjs(
          binding,
          provider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        );
      },
    ),
    registerCollabHistory(editor, binding),
    clearPresenceOnLeave(provider),
  );
  const rootElement = editor.getRootElement();
  initLocalState(provider, name, color, rootElement !== null && getActiveElement(rootElement) === rootElement, {});
  let bound = true;
  // After the other effects of this commit: every plugin hears the stored content, as they did when the
  // connect came two commits later.
  queueMicrotask(() => {
    if (bound) void provider.connect();
  });
  return () => {
    bound = false;
    unregister();
    provider.off('status', handleStatus);
    provider.awareness.off('update', handleAwareness);
    root.unobserveDeep(handleYjsChanges);
    provider.disconnect();
    cursors.remove();
    binding.root.destroy(binding);
  };
}

/**
 * Undo and redo of this editor's own changes (the binding's transactions; never a collaborator's or the
 * stored content's), and whether either is possible, for the toolbar.
 */
function registerCollabHistory(editor: LexicalEditor, binding: Binding): () => void {
  const undoManager = createUndoManager(binding, binding.root.getSharedType());
  const publish = (): void => {
    editor.dispatchCommand(CAN_UNDO_COMMAND, undoManager.undoStack.length > 0);
    editor.dispatchCommand(CAN_REDO_COMMAND, undoManager.redoStack.length > 0);
  };
  undoManager.on('stack-item-added', publish);
  undoManager.on('stack-item-popped', publish);
  undoManager.on('stack-cleared', publish);
  return mergeRegister(
    editor.registerCommand(UNDO_COMMAND, () => (undoManager.undo(), true), COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(REDO_COMMAND, () => (undoManager.redo(), true), COMMAND_PRIORITY_EDITOR),
    () => undoManager.destroy(),
  );
}

/** The element remote carets are drawn in, inside `container` (or the body); the binding draws into it. */
function mountCursors(binding: Binding, container: HTMLElement | null): HTMLElement {
  const element = document.createElement('div');
  (container ?? document.body).appendChild(element);
  binding.cursorsContainer = element;
  return element;
}

/** This user's name and color in the presence, and their focus as the editor gains and loses it. */
function showAs(provider: Provider, editor: LexicalEditor, name: string, color: string): () => void {
  const state = provider.awareness.getLocalState();
  if (state !== null && (state.name !== name || state.color !== color))
    provider.awareness.setLocalState({ ...state, name, color });
  return mergeRegister(
    editor.registerCommand(
      FOCUS_COMMAND,
      () => (setLocalStateFocus(provider, name, color, true, {}), false),
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      BLUR_COMMAND,
      () => (setLocalStateFocus(provider, name, color, false, {}), false),
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}

/**
 * Clears this user's presence when the window is closed or reloaded, so that others see the caret go at once
 * rather than when the presence times out (Lexical's plugin does the same, lexical#8061).
 */
function clearPresenceOnLeave(provider: Provider): () => void {
  const clear = (): void => provider.awareness.setLocalState(null);
  return registerEventListeners(window, { beforeunload: clear, pagehide: clear });
}
