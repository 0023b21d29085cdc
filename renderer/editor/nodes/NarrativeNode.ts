/**
 * A narrative: a first-class section of a playbook. Its children are a title, a key message and the story's
 * body blocks (rich text that merges character by character); its short fields (status, persona, stage, owner,
 * proof points) are node properties, which the Yjs binding syncs as attributes of the section.
 *
 * The section's DOM has two non-editable hosts around the editable children — a header for the field chips
 * and a footer for proof points — which NarrativeChromePlugin fills with React portals. `getDOMSlot` tells
 * Lexical that children live in the middle element only.
 */
import {
  $applyNodeReplacement,
  setDOMUnmanaged,
  ElementNode,
  type DOMConversionMap,
  type DOMExportOutput,
  type EditorConfig,
  type ElementDOMSlot,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type SerializedPartial,
  type Spread,
} from 'lexical';
import { newId } from '@shared/domain/ids';
import {
  normalizeNarrativeFields,
  type NarrativeFields,
  type NarrativeStatus,
  type BuyingStage,
} from '@shared/domain/narrative';

/** The JSON form of a narrative (clipboard, tests, fixtures). */
export type SerializedNarrativeNode = Spread<{ narrativeId: string } & NarrativeFields, SerializedElementNode>;

/** CSS class names of the section's parts; the chrome plugin finds its hosts by them. */
export const NARRATIVE_CLASSES = {
  section: 'narrative',
  meta: 'narrative-meta',
  body: 'narrative-body',
  proof: 'narrative-proof',
} as const;

/** A narrative section. Its id is assigned once and never changes (notes and decks refer to it). */
export class NarrativeNode extends ElementNode {
  __narrativeId: string;
  __status: NarrativeStatus;
  __persona: string;
  __stage: BuyingStage | '';
  __owner: string;
  __proofPoints: string[];

  static override getType(): string {
    return 'narrative';
  }

  static override clone(node: NarrativeNode): NarrativeNode {
    return new NarrativeNode(node.__narrativeId, node.getFieldsSnapshot(node), node.__key);
  }

  constructor(narrativeId = '', fields?: Partial<NarrativeFields>, key?: NodeKey) {
    super(key);
    const f = normalizeNarrativeFields(fields ?? {});
    this.__narrativeId = narrativeId;
    this.__status = f.status;
    this.__persona = f.persona;
    this.__stage = f.stage;
    this.__owner = f.owner;
    this.__proofPoints = f.proofPoints;
  }

  private getFieldsSnapshot(node: NarrativeNode): NarrativeFields {
    return {
      status: node.__status,
      persona: node.__persona,
      stage: node.__stage,
      owner: node.__owner,
      proofPoints: node.__proofPoints,
    };
  }

  override createDOM(config: EditorConfig): HTMLElement {
    const section = document.createElement('section');
    section.className = `${NARRATIVE_CLASSES.section} ${config.theme.narrative ?? ''}`.trim();
    const meta = document.createElement('div');
    meta.className = NARRATIVE_CLASSES.meta;
    meta.contentEditable = 'false';
    const body = document.createElement('div');
    body.className = NARRATIVE_CLASSES.body;
    const proof = document.createElement('div');
    proof.className = NARRATIVE_CLASSES.proof;
    proof.contentEditable = 'false';
    // The chrome hosts are filled by React portals; without this Lexical's mutation observer would evict them.
    setDOMUnmanaged(meta, { captureSelection: true });
    setDOMUnmanaged(proof, { captureSelection: true });
    section.append(meta, body, proof);
    this.syncAttributes(section);
    return section;
  }

  override updateDOM(prevNode: NarrativeNode, dom: HTMLElement): boolean {
    if (
      prevNode.__status !== this.__status ||
      prevNode.__narrativeId !== this.__narrativeId ||
      prevNode.__proofPoints.length !== this.__proofPoints.length
    ) {
      this.syncAttributes(dom);
    }
    return false;
  }

  private syncAttributes(dom: HTMLElement): void {
    dom.dataset.narrativeId = this.__narrativeId;
    dom.dataset.status = this.__status;
    // The chrome fills the header and footer a moment after the text shows; the stylesheet reserves their
    // height from these, so the text does not jump under the reader's pointer when they arrive.
    dom.dataset.proof = this.__proofPoints.length > 0 ? 'some' : 'none';
    dom.style.setProperty('--proof-rows', String(this.__proofPoints.length));
  }

  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    const body = element.querySelector<HTMLElement>(`:scope > .${NARRATIVE_CLASSES.body}`);
    if (body === null) throw new Error('[editor] narrative section lost its body element');
    return super.getDOMSlot(element).withElement(body);
  }

  static override importDOM(): DOMConversionMap | null {
    return null; // pasted HTML sections come in as plain blocks; narratives are created through Duet's commands
  }

  override exportDOM(): DOMExportOutput {
    const element = document.createElement('section');
    element.setAttribute('data-narrative-id', this.__narrativeId);
    return { element };
  }

  static override importJSON(json: SerializedPartial<SerializedNarrativeNode>): NarrativeNode {
    // Untrusted input (clipboard, files): fields are normalised by the constructor, a bad id gets a new one.
    const id =
      typeof json.narrativeId === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(json.narrativeId)
        ? json.narrativeId
        : undefined;
    return $createNarrativeNode(id, json).updateFromJSON(json as LexicalUpdateJSON<SerializedNarrativeNode>);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedNarrativeNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedNarrativeNode {
    return {
      ...super.exportJSON(),
      narrativeId: this.getLatest().__narrativeId,
      ...this.getFields(),
    };
  }

  /** The narrative's stable id. */
  getNarrativeId(): string {
    return this.getLatest().__narrativeId;
  }

  /** Replaces the id; only for a node that is a copy of another (duplicate, paste) and must not share its id. */
  setNarrativeId(id: string): this {
    const self = this.getWritable();
    self.__narrativeId = id;
    return self;
  }

  /** The short fields, normalised. */
  getFields(): NarrativeFields {
    const self = this.getLatest();
    return { ...this.getFieldsSnapshot(self), proofPoints: [...self.__proofPoints] };
  }

  /** Changes some fields; values are normalised (unknown statuses fall back, strings are bounded). */
  setFields(patch: Partial<NarrativeFields>): this {
    const next = normalizeNarrativeFields({ ...this.getFields(), ...patch });
    const self = this.getWritable();
    self.__status = next.status;
    self.__persona = next.persona;
    self.__stage = next.stage;
    self.__owner = next.owner;
    // A new array each time: the Yjs binding compares property values by identity.
    self.__proofPoints = [...next.proofPoints];
    return self;
  }

  // A narrative behaves like its own little document: selection and deletion never merge it into a neighbour.
  override isShadowRoot(): boolean {
    return true;
  }

  override canBeEmpty(): boolean {
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  override isInline(): false {
    return false;
  }
}

/** Creates a narrative node; a fresh id is generated unless one is given. */
export function $createNarrativeNode(narrativeId?: string, fields?: Partial<NarrativeFields>): NarrativeNode {
  return $applyNodeReplacement(new NarrativeNode(narrativeId || newId('n'), fields));
}

/** Type guard for narrative nodes. */
export function $isNarrativeNode(node: LexicalNode | null | undefined): node is NarrativeNode {
  return node instanceof NarrativeNode;
}

/** The narrative that contains `node` (or is it), or null. */
export function $getEnclosingNarrative(node: LexicalNode | null): NarrativeNode | null {
  let current: LexicalNode | null = node;
  while (current !== null && !$isNarrativeNode(current)) current = current.getParent();
  return current;
}
