/**
 * What a saved version holds: the playbook's *content* (not its CRDT history) — the blocks before the
 * narratives and every narrative as the editor's own JSON (title, key message, rich-text body, fields, stable
 * id) — so a restore rebuilds exactly what was there. Stored deflated; one version of the 200-narrative
 * benchmark playbook is a few tens of kilobytes.
 */
import { deflateBytes, inflateBytes } from '../deflate';

/** A node of the editor's JSON form: a type, maybe text, maybe children, and node-specific properties. */
export interface ContentNode {
  type: string;
  text?: string;
  children?: ContentNode[];
  [property: string]: unknown;
}

/** A narrative node's JSON: the node plus its stable id and fields. */
export type NarrativeContentNode = ContentNode & { type: 'narrative'; narrativeId: string };

/** The content of one version: the playbook's top-level blocks in order, narratives among them. */
export interface VersionContent {
  blocks: ContentNode[];
}

/** True for a narrative block. */
export function isNarrativeBlock(node: ContentNode): node is NarrativeContentNode {
  return node.type === 'narrative' && typeof node.narrativeId === 'string';
}

/** The narratives of a version, in order. */
export function contentNarratives(content: VersionContent): NarrativeContentNode[] {
  return content.blocks.filter(isNarrativeBlock);
}

/** The first byte of a stored blob says how the rest is written, so the format can evolve. */
const FORMAT_DEFLATED_JSON = 1;

/** Limits on what a peer can make us parse: a hostile blob must not exhaust memory. */
export const CONTENT_LIMITS = { bytes: 8 * 1024 * 1024, depth: 24, narratives: 5000 } as const;

// Properties that describe the caret or the DOM direction rather than the text: they differ between a
// visible and a headless editor holding the same words, so a version keeps them at their defaults.
const VOLATILE: Record<string, unknown> = { direction: null, textFormat: 0, textStyle: '' };

/**
 * Sorts keys and resets volatile properties (recursively), so two captures of the same words are equal
 * byte for byte — which is how "this narrative changed" is decided.
 */
export function canonicalNode(node: ContentNode): ContentNode {
  const out: ContentNode = { type: node.type };
  for (const key of Object.keys(node).sort()) {
    if (key === 'children') continue;
    out[key] = key in VOLATILE ? VOLATILE[key] : node[key];
  }
  if (Array.isArray(node.children)) out.children = node.children.map(canonicalNode);
  return out;
}

const NARRATIVE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * True when `node` has the shape of a content node, at most `CONTENT_LIMITS.depth` deep. Hand-written rather
 * than a recursive zod schema: a version holds tens of thousands of nodes and this check runs on every
 * compare, where a schema walk cost more than the diff itself.
 */
function isContentNode(node: unknown, depth: number): node is ContentNode {
  if (depth > CONTENT_LIMITS.depth || typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown };
  if (typeof type !== 'string' || type.length > 64) return false;
  if (text !== undefined && typeof text !== 'string') return false;
  if (children === undefined) return true;
  if (!Array.isArray(children)) return false;
  for (const child of children) if (!isContentNode(child, depth + 1)) return false;
  return true;
}

/** Compresses a version's content for storage. */
export async function encodeVersionContent(content: VersionContent): Promise<Uint8Array> {
  const json = new TextEncoder().encode(JSON.stringify(content));
  const deflated = await deflateBytes(json);
  const out = new Uint8Array(deflated.length + 1);
  out[0] = FORMAT_DEFLATED_JSON;
  out.set(deflated, 1);
  return out;
}

/**
 * Reads stored content back. Bytes come from peers, so anything malformed, too large or too deep is an
 * expected failure (null), never a crash.
 */
export async function decodeVersionContent(bytes: Uint8Array): Promise<VersionContent | null> {
  if (bytes.length < 2 || bytes[0] !== FORMAT_DEFLATED_JSON) return null;
  let parsed: unknown;
  try {
    const json = await inflateBytes(bytes.subarray(1), CONTENT_LIMITS.bytes);
    if (json === null) return null;
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch {
    return null; // a corrupt stream or invalid JSON is what "malformed" means here
  }
  const blocks = (parsed as { blocks?: unknown } | null)?.blocks;
  if (!Array.isArray(blocks) || blocks.length > CONTENT_LIMITS.narratives * 2) return null;
  const ids = new Set<string>();
  for (const block of blocks) {
    if (!isContentNode(block, 0)) return null;
    if (block.type !== 'narrative') continue;
    const id = block.narrativeId;
    if (typeof id !== 'string' || !NARRATIVE_ID.test(id) || ids.has(id)) return null;
    ids.add(id);
  }
  return { blocks };
}
