/**
 * The playbook editor: Lexical bound to the playbook's Y.Doc through Lexical's Yjs binding
 * (CollaborationBindingPlugin), even offline (the provider is local; the network provider later binds the
 * same way). Undo and redo come from the binding's Yjs UndoManager — Lexical's plain history plugin would
 * fight the binding.
 */
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { Provider } from '@lexical/yjs';
import type { Doc } from 'yjs';
import { useCallback, useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { isSafeLinkUrl } from '@shared/domain/url';
import { withNarrativeOps } from './narrativeOpsOnDemand';
import { PLAYBOOK_NODES } from './nodes';
import { CollaborationBindingPlugin } from './plugins/CollaborationBindingPlugin';
import { DeferredNarrativeChrome, DeferredOutline, DeferredPlugins } from './plugins/DeferredPlugins';
import { FirstOwnEditPlugin } from './plugins/FirstOwnEditPlugin';
import type { NarrativeGovernanceSource } from './plugins/narrativeGovernanceSource';
import { NarrativeStructurePlugin } from './plugins/NarrativeStructurePlugin';
import { OpenEditorPlugin } from './plugins/OpenEditorPlugin';
import { OpenTimingPlugin } from './plugins/OpenTimingPlugin';
import { readSelectedLink } from './plugins/readSelectedLink';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { PLAYBOOK_THEME } from './theme';
import { lazyPart } from '../ui/lazyPart';
import { profiled } from '../ui/profiled';

/** Props of PlaybookEditor. */
export interface PlaybookEditorProps {
  /** The Yjs document name (also the collaboration id). */
  docName: string;
  doc: Doc;
  provider: Provider;
  editable: boolean;
  showOutline: boolean;
  userName: string;
  userColor: string;
  /** Rendered above the toolbar (the playbook's title bar). */
  header?: ReactNode;
  /** Opens the deal log for a narrative (passed to the narrative chrome); keep it stable. */
  onLogDeal?: (narrative: NarrativeSummary) => void;
  /** Badges and approval actions per narrative, from governance. Keep it stable. */
  governance?: NarrativeGovernanceSource;
  /**
   * Another view of the playbook (the review) shown under the header instead of the text. The editor stays
   * mounted and bound meanwhile: rebinding a document that already has content is not supported.
   */
  overlay?: ReactNode;
  /** Features' plugins (rendered inside the editor, e.g. automatic versions, notes anchored to the words). */
  plugins?: ReactNode;
}

/** The link dialog (Mod+K, the toolbar's link button) loads the first time it opens. */
const LinkDialog = lazyPart(() => import('./plugins/LinkDialog'), 'LinkDialog', {
  label: 'Opening…',
  shape: 'dialog',
});

function handleEditorError(error: Error): void {
  // Lexical reports errors it recovered from by resetting the update; surface them, never hide them.
  console.error('[editor]', error);
}

/** A collaborative playbook editor with toolbar, narrative chrome and outline. */
export function PlaybookEditor(props: PlaybookEditorProps) {
  const { docName, doc, provider, editable } = props;
  const initialConfig: InitialConfigType = {
    namespace: 'duet-playbook',
    nodes: PLAYBOOK_NODES,
    theme: PLAYBOOK_THEME,
    onError: handleEditorError,
    editable,
    // Content comes from the Y.Doc: the editor must not create an initial state of its own.
    editorState: null,
  };
  // Collaborators' carets live inside the scrolling canvas, so they move with the text they point at.
  const cursorsRef = useRef<HTMLDivElement>(null);

  return profiled(
    'editor',
    <LexicalComposer initialConfig={initialConfig}>
      <EditorBody {...props} cursorsRef={cursorsRef} />
      <OpenEditorPlugin doc={doc} />
      {/* Last: it connects once every other plugin's effects have run (see the plugin). */}
      <CollaborationBindingPlugin
        id={docName}
        doc={doc}
        provider={provider}
        userName={props.userName}
        userColor={props.userColor}
        cursorsContainerRef={cursorsRef}
      />
    </LexicalComposer>,
  );
}

function EditorBody({
  editable,
  showOutline,
  header,
  userName,
  cursorsRef,
  onLogDeal,
  governance,
  overlay,
  plugins,
}: PlaybookEditorProps & { cursorsRef: RefObject<HTMLDivElement | null> }) {
  const [editor] = useLexicalComposerContext();
  const [linkUrl, setLinkUrl] = useState<string | null>(null);
  // Editability can change while the editor is mounted (the server says the role is read-only); remounting
  // instead would rebind the editor to a document that already has content, which the binding cannot load.
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  const openLink = useCallback(() => setLinkUrl(readSelectedLink(editor)), [editor]);
  // New narratives start owned by whoever creates them.
  const addNarrative = useCallback(
    () =>
      withNarrativeOps(({ $insertNarrativeAfterSelection }) =>
        editor.update(() => void $insertNarrativeAfterSelection({ owner: userName })),
      ),
    [editor, userName],
  );

  return (
    <div className={showOutline && !overlay ? 'editor-layout with-outline' : 'editor-layout'}>
      <OpenTimingPlugin />
      <div className="editor-main">
        {header}
        {overlay}
        {editable && !overlay && profiled('toolbar', <ToolbarPlugin onLink={openLink} onAddNarrative={addNarrative} />)}
        <div className="editor-scroll" hidden={Boolean(overlay)}>
          <div className="editor-canvas">
            <div className="editor-cursors" ref={cursorsRef} data-testid="remote-cursors" />
            <RichTextPlugin
              contentEditable={
                <ContentEditable
                  className="editor-content"
                  aria-label="Playbook text"
                  data-testid="editor"
                  aria-placeholder="Start writing…"
                  placeholder={<div className="editor-placeholder">Start writing…</div>}
                />
              }
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
      </div>
      {showOutline && !overlay && profiled('outline', <DeferredOutline editable={editable} />)}
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <DeferredPlugins editable={editable} onLink={openLink} onAddNarrative={addNarrative} />
      <NarrativeStructurePlugin />
      {editable && <FirstOwnEditPlugin />}
      <DeferredNarrativeChrome editable={editable} onLogDeal={onLogDeal} governance={governance} />
      {plugins}
      {linkUrl !== null && <LinkDialog editor={editor} initialUrl={linkUrl} onClose={() => setLinkUrl(null)} />}
    </div>
  );
}
