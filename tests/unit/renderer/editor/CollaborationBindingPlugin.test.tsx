// @vitest-environment happy-dom
// The editor's Yjs binding as a user meets it: a stored playbook shows when the editor mounts (and every
// plugin of that first commit hears it arrive), undo takes back only this person's own typing, the presence
// carries their name and follows a rename without rebinding, and an unmounted editor is bound no more.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import { act, useEffect, useRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalProvider } from '../../../../renderer/collab/LocalProvider';
import { createPlaybookDoc, readPlaybookDoc } from '../../../../renderer/editor/headless/writeSpecToDoc';
import { PLAYBOOK_NODES } from '../../../../renderer/editor/nodes';
import { CollaborationBindingPlugin } from '../../../../renderer/editor/plugins/CollaborationBindingPlugin';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SPEC = {
  intro: [{ p: 'Why buyers switch' }],
  narratives: [{ title: 'Fleet safety', keyMessage: 'Fewer incidents, lower premiums', body: [{ p: 'Proof: 31%' }] }],
};

/**
 * Records the text of every update of the editor and the updates of the document (registered in an effect,
 * as the app's plugins do).
 */
function Listener({ doc, heard, grab }: { doc: Y.Doc; heard: Heard; grab: (editor: LexicalEditor) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    grab(editor);
    const countUpdate = (transaction: Y.Transaction): void => {
      if (transaction.changed.size > 0) heard.docUpdates++;
    };
    doc.on('afterTransaction', countUpdate);
    const unregister = editor.registerUpdateListener(({ editorState }) =>
      heard.texts.push(editorState.read(() => $getRoot().getTextContent())),
    );
    return () => {
      unregister();
      doc.off('afterTransaction', countUpdate);
    };
  }, [editor, doc, heard, grab]);
  return null;
}

interface Heard {
  texts: string[];
  docUpdates: number;
}

interface Mounted {
  root: Root;
  host: HTMLElement;
  editor: () => LexicalEditor;
  heard: Heard;
  render: (userName: string) => void;
}

const mounted: Mounted[] = [];
afterEach(() => {
  for (const m of mounted.splice(0)) act(() => m.root.unmount());
});

function mount(doc: Y.Doc, provider: LocalProvider): Mounted {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const root = createRoot(host);
  const heard: Heard = { texts: [], docUpdates: 0 };
  let editor: LexicalEditor | null = null;
  function Editor({ userName }: { userName: string }) {
    const cursors = useRef<HTMLDivElement>(null);
    return (
      <LexicalComposer
        initialConfig={{
          namespace: 'test',
          nodes: PLAYBOOK_NODES,
          editorState: null,
          onError: (error) => {
            throw error;
          },
        }}
      >
        <div ref={cursors} className="cursors" />
        <RichTextPlugin contentEditable={<ContentEditable />} ErrorBoundary={LexicalErrorBoundary} />
        <CollaborationBindingPlugin
          id="playbook"
          doc={doc}
          provider={provider}
          userName={userName}
          userColor="#b4004e"
          cursorsContainerRef={cursors}
        />
        {/* After the binding in the tree, so its effect runs after the binding's: it still hears the load. */}
        <Listener doc={doc} heard={heard} grab={(e) => (editor = e)} />
      </LexicalComposer>
    );
  }
  const m: Mounted = {
    root,
    host,
    heard,
    editor: () => editor!,
    render: (userName) => act(() => root.render(<Editor userName={userName} />)),
  };
  mounted.push(m);
  return m;
}

const textOf = (editor: LexicalEditor): string => editor.getEditorState().read(() => $getRoot().getTextContent());
/** Lets the binding's connect (a microtask) and Lexical's commits run. */
const settle = () => act(async () => await new Promise((resolve) => setTimeout(resolve, 0)));

async function openStored(): Promise<{ m: Mounted; doc: Y.Doc; provider: LocalProvider; stored: string }> {
  const source = createPlaybookDoc(SPEC);
  const stored = readPlaybookDoc(source, () => $getRoot().getTextContent());
  const doc = new Y.Doc();
  const provider = new LocalProvider(doc, Y.encodeStateAsUpdate(source), null);
  const m = mount(doc, provider);
  m.render('Ana');
  await settle();
  return { m, doc, provider, stored };
}

describe('CollaborationBindingPlugin', () => {
  it('shows the stored playbook on mount, and a plugin of the same first commit hears it arrive', async () => {
    const { m, stored } = await openStored();
    expect(stored).toContain('Fleet safety');
    expect(textOf(m.editor())).toBe(stored);
    expect(m.host.textContent).toContain('Fewer incidents, lower premiums');
    // The listener was registered in the same commit's effects, after the binding's: the stored content
    // reached it too, in the editor and in the document.
    expect(m.heard.texts).toContain(stored);
    expect(m.heard.docUpdates).toBe(1);
  });

  it('undoes this person’s own typing and never a collaborator’s', async () => {
    const { m, doc } = await openStored();
    const editor = m.editor();
    const canUndo: boolean[] = [];
    editor.registerCommand(CAN_UNDO_COMMAND, (value) => (canUndo.push(value), false), COMMAND_PRIORITY_LOW);
    await act(async () =>
      editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode('My own line'))), {
        discrete: true,
      }),
    );
    expect(textOf(editor)).toContain('My own line');
    expect(canUndo.at(-1)).toBe(true);

    // A collaborator's paragraph arrives, applied as a network provider applies it (with itself as origin).
    const theirs = createPlaybookDoc({ intro: [{ p: 'Their line' }], narratives: [] });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(theirs), { provider: 'network' });
    await settle();
    expect(textOf(editor)).toContain('Their line');

    await act(async () => void editor.dispatchCommand(UNDO_COMMAND, undefined));
    await settle();
    expect(textOf(editor)).not.toContain('My own line');
    expect(textOf(editor)).toContain('Their line');
    expect(textOf(editor)).toContain('Fleet safety');
    expect(canUndo.at(-1)).toBe(false);
  });

  it('publishes who is editing, and a rename reaches the presence without loading the playbook twice', async () => {
    const { m, provider, stored } = await openStored();
    expect(provider.awareness.getLocalState()).toMatchObject({ name: 'Ana', color: '#b4004e' });
    m.render('Ana Lopez');
    await settle();
    expect(provider.awareness.getLocalState()).toMatchObject({ name: 'Ana Lopez', color: '#b4004e' });
    expect(textOf(m.editor())).toBe(stored);
  });

  it('once unmounted, draws no carets and follows the document no more', async () => {
    const { m, doc, stored } = await openStored();
    const editor = m.editor();
    const caretsHost = m.host.querySelector('.cursors')!;
    expect(caretsHost.children.length).toBe(1); // where collaborators' carets are drawn
    act(() => m.root.unmount());
    mounted.splice(mounted.indexOf(m), 1);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(createPlaybookDoc({ intro: [{ p: 'Later' }], narratives: [] })));
    await settle();
    expect(textOf(editor)).toBe(stored);
  });
});
