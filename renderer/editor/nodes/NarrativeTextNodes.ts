/**
 * The two fixed text fields at the top of every narrative: its title and its key message. They are element
 * nodes holding ordinary text, so two people typing in the same title merge character by character.
 * NarrativeStructurePlugin keeps exactly one of each as the first two children of a narrative.
 */
import {
  $applyNodeReplacement,
  $createParagraphNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
} from 'lexical';

/** Base for the fixed fields: a block that cannot be indented, turned into a list, or merged away. */
abstract class NarrativeFieldNode extends ElementNode {
  // Methods, not fields: the Yjs binding syncs every own property of a node instance.
  protected abstract domSpec(): { tag: string; className: string; placeholder: string };

  override createDOM(_config: EditorConfig): HTMLElement {
    const { tag, className, placeholder } = this.domSpec();
    const element = document.createElement(tag);
    element.className = className;
    // Shown by CSS when the field is empty (":empty" does not work: Lexical keeps a <br> in empty blocks).
    element.dataset.placeholder = placeholder;
    return element;
  }

  override updateDOM(): boolean {
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  override canBeEmpty(): boolean {
    return true;
  }

  // Enter in a field moves on to the next line of the narrative instead of splitting the field in two.
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ParagraphNode | LexicalNode {
    const next = this.getNextSibling();
    if (next !== null) {
      if (next instanceof ElementNode) next.selectStart();
      return next;
    }
    const paragraph = $createParagraphNode();
    this.insertAfter(paragraph, restoreSelection);
    return paragraph;
  }

  // Backspace at the very start of a field does nothing rather than merging the field into what precedes it.
  override collapseAtStart(): boolean {
    return true;
  }
}

/** JSON form of both field nodes. */
export type SerializedNarrativeFieldNode = SerializedElementNode;

/** The narrative's title (a heading). */
export class NarrativeTitleNode extends NarrativeFieldNode {
  protected domSpec() {
    return { tag: 'h2', className: 'narrative-title', placeholder: 'Narrative title' };
  }

  static override getType(): string {
    return 'narrative-title';
  }

  static override clone(node: NarrativeTitleNode): NarrativeTitleNode {
    return new NarrativeTitleNode(node.__key);
  }

  static override importJSON(json: SerializedNarrativeFieldNode): NarrativeTitleNode {
    return $createNarrativeTitleNode().updateFromJSON(json);
  }
}

/** The narrative's key message: the one sentence a rep should remember. */
export class NarrativeKeyMessageNode extends NarrativeFieldNode {
  protected domSpec() {
    return {
      tag: 'p',
      className: 'narrative-key-message',
      placeholder: 'Key message — the one sentence a buyer should remember',
    };
  }

  static override getType(): string {
    return 'narrative-key-message';
  }

  static override clone(node: NarrativeKeyMessageNode): NarrativeKeyMessageNode {
    return new NarrativeKeyMessageNode(node.__key);
  }

  static override importJSON(json: SerializedNarrativeFieldNode): NarrativeKeyMessageNode {
    return $createNarrativeKeyMessageNode().updateFromJSON(json);
  }
}

/** Creates an empty narrative title. */
export function $createNarrativeTitleNode(): NarrativeTitleNode {
  return $applyNodeReplacement(new NarrativeTitleNode());
}

/** Creates an empty key message. */
export function $createNarrativeKeyMessageNode(): NarrativeKeyMessageNode {
  return $applyNodeReplacement(new NarrativeKeyMessageNode());
}

/** Type guard for narrative titles. */
export function $isNarrativeTitleNode(node: LexicalNode | null | undefined): node is NarrativeTitleNode {
  return node instanceof NarrativeTitleNode;
}

/** Type guard for key messages. */
export function $isNarrativeKeyMessageNode(node: LexicalNode | null | undefined): node is NarrativeKeyMessageNode {
  return node instanceof NarrativeKeyMessageNode;
}
