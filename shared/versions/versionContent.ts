/**
 * What a saved version holds: the playbook's *content* (not its CRDT history) — the blocks before the
 * narratives and every narrative as the editor's own JSON (title, key message, rich-text body, fields, stable
 * id) — so a restore rebuilds exactly what was there. Stored deflated; one version of the 200-narrative
 * benchmark playbook is a few tens of kilobytes.
 */
import { z } from 'zod';
import { deflateBytes, inflateBytes } from './deflate';

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

const nodeSchema: z.ZodType<ContentNode> = z.lazy(() =>
  z.looseObject({ type: z.string().max(64), text: z.string().optional(), children: z.array(nodeSchema).optional() }),
);
const contentSchema = z.object({ blocks: z.array(nodeSchema).max(CONTENT_LIMITS.narratives * 2) });
const narrativeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

function depthOf(node: unknown, depth = 0): number {
  if (depth > CONTENT_LIMITS.depth || typeof node !== 'object' || node === null) return depth;
  const children = (node as { children?: unknown }).children;
  if (!Array.isArray(children)) return depth;
  let max = depth;
  for (const child of children) max = Math.max(max, depthOf(child, depth + 1));
  return max;
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
  if (!Array.isArray(blocks) || !blocks.every((n) => depthOf(n) <= CONTENT_LIMITS.depth)) return null;
  const valid = contentSchema.safeParse(parsed);
  if (!valid.success) return null;
  const narratives = valid.data.blocks.filter((b) => b.type === 'narrative');
  const ids = narratives.map((n) => n.narrativeId);
  if (!ids.every((id) => narrativeIdSchema.safeParse(id).success) || new Set(ids).size !== ids.length) return null;
  return valid.data;
}
