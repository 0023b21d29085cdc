/**
 * The formatting toolbar: undo/redo, block type, inline formats, link and "add narrative". It mirrors the
 * selection (active buttons) and offers the same actions as the keyboard shortcuts, with the shortcut in
 * each tooltip.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $isLinkNode } from '@lexical/link';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
  type TextFormatType,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
import { IS_MAC } from '../../platform/os';
import { $currentBlockType, applyBlockType, BLOCK_LABELS, type BlockType } from './blockFormat';
import { useNarrativeOpsReady } from '../narrativeOpsOnDemand';

const MOD = IS_MAC ? '⌘' : 'Ctrl+';

const LINK_ICON = (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    aria-hidden="true"
  >
    <path d="M6.5 9.5l3-3M7 4.5l1-1a2.8 2.8 0 014 4l-1 1M9 11.5l-1 1a2.8 2.8 0 01-4-4l1-1" strokeLinecap="round" />
  </svg>
);

interface ToolbarState {
  block: BlockType | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  link: boolean;
}

/** Props of ToolbarPlugin. */
export interface ToolbarPluginProps {
  onLink: () => void;
  onAddNarrative: () => void;
}

/** Renders the toolbar above the editor. */
export function ToolbarPlugin({ onLink, onAddNarrative }: ToolbarPluginProps) {
  const [editor] = useLexicalComposerContext();
  // Enabled once "add narrative" can run in the click's own task (narrativeOpsOnDemand.ts).
  const opsReady = useNarrativeOpsReady();
  const [state, setState] = useState<ToolbarState>({
    block: null,
    bold: false,
    italic: false,
    underline: false,
    strikethrough: false,
    link: false,
  });
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  const refresh = useCallback(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const node = selection.anchor.getNode();
    const next: ToolbarState = {
      block: $currentBlockType(),
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      underline: selection.hasFormat('underline'),
      strikethrough: selection.hasFormat('strikethrough'),
      link: $isLinkNode(node.getParent()) || $isLinkNode(node),
    };
    setState((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, []);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => editorState.read(refresh)),
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor, refresh],
  );

  const format = (type: TextFormatType) => editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  const inField = state.block === 'narrative-field';

  const button = (
    label: React.ReactNode,
    title: string,
    active: boolean,
    onClick: () => void,
    disabled = false,
    cls = '',
  ) => (
    <button
      type="button"
      className={`tool ${active ? 'is-active' : ''} ${cls}`}
      title={title}
      // A visible label that reads as words ("1.") starts the name, so speech users can say what they see
      // (WCAG 2.5.3 label in name); single letters (B, I) and symbols are described by the title alone. The
      // labels are ours, in ASCII: a Unicode-property pattern here cost ~7 ms of ICU set-up on every start.
      aria-label={typeof label === 'string' && /^[A-Za-z0-9]./.test(label) ? `${label} ${title}` : title}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault() /* keep the editor's selection */}
      onClick={onClick}
    >
      {label}
    </button>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('↶', `Undo (${MOD}Z)`, false, () => editor.dispatchCommand(UNDO_COMMAND, undefined), !canUndo)}
      {button(
        '↷',
        `Redo (${MOD}${IS_MAC ? '⇧Z' : 'Y'})`,
        false,
        () => editor.dispatchCommand(REDO_COMMAND, undefined),
        !canRedo,
      )}
      <span className="tool-sep" />
      <select
        className="tool-select"
        aria-label="Block type"
        value={inField || state.block === null ? '' : state.block}
        disabled={inField}
        onChange={(e) => applyBlockType(editor, e.target.value as Exclude<BlockType, 'narrative-field'>)}
      >
        {inField && <option value="">Narrative field</option>}
        {Object.entries(BLOCK_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <span className="tool-sep" />
      {button('B', `Bold (${MOD}B)`, state.bold, () => format('bold'), false, 'tool-bold')}
      {button('I', `Italic (${MOD}I)`, state.italic, () => format('italic'), false, 'tool-italic')}
      {button('U', `Underline (${MOD}U)`, state.underline, () => format('underline'), false, 'tool-underline')}
      {button('S', 'Strikethrough', state.strikethrough, () => format('strikethrough'), false, 'tool-strike')}
      {button(LINK_ICON, `Link (${MOD}K)`, state.link, onLink)}
      <span className="tool-sep" />
      {button(
        '•',
        `Bulleted list (${MOD}${IS_MAC ? '⇧' : 'Shift+'}8)`,
        state.block === 'bullet',
        () => applyBlockType(editor, 'bullet'),
        inField,
      )}
      {button(
        '1.',
        `Numbered list (${MOD}${IS_MAC ? '⇧' : 'Shift+'}7)`,
        state.block === 'number',
        () => applyBlockType(editor, 'number'),
        inField,
      )}
      {button(
        '❝',
        'Quote',
        state.block === 'quote',
        () => applyBlockType(editor, state.block === 'quote' ? 'paragraph' : 'quote'),
        inField,
      )}
      <span className="tool-grow" />
      <button
        type="button"
        className="button button-primary button-small"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onAddNarrative}
        disabled={!opsReady}
        title={`Add a narrative after this one (${MOD}${IS_MAC ? '⇧' : 'Shift+'}Enter)`}
        data-testid="add-narrative"
      >
        + Narrative
      </button>
    </div>
  );
}
