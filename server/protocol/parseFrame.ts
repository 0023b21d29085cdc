/**
 * Decodes one client → server WebSocket frame into a typed message, refusing anything malformed before a
 * Yjs decoder sees it. The reason strings double as the `reason` label of the rejected-messages metric.
 */
import { ByteReader, MalformedInputError } from './ByteReader';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from './messageTypes';
import { validateStateVector, validateUpdate } from './validateUpdate';

/** A client may announce at most this many awareness states in one message (its own, plus a few on query). */
const MAX_AWARENESS_STATES = 256;

/** One awareness entry: the presence of one Yjs client. `state` is null when the client left. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** A decoded, structurally valid client message. Update bytes are views into the frame. */
export type Frame =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2' | 'update'; update: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array; entries: AwarenessEntry[] }
  | { kind: 'query-awareness' };

/** Why a frame was refused: the metric label. */
export type FrameRejection = 'malformed' | 'unknown-type' | 'invalid-update' | 'unexpected-auth';

/** The outcome of parsing: a frame, or a rejection with a human-readable detail for the log. */
export type ParsedFrame = { ok: true; frame: Frame } | { ok: false; reason: FrameRejection; detail: string };

function parseAwareness(payload: Uint8Array): AwarenessEntry[] {
  const reader = new ByteReader(payload);
  const count = reader.count(3);
  if (count > MAX_AWARENESS_STATES) throw new MalformedInputError(`${count} awareness states`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = reader.varUint();
    const clock = reader.varUint();
    const text = reader.varString();
    let state: unknown;
    try {
      state = JSON.parse(text);
    } catch (error) {
      throw new MalformedInputError(`awareness state is not JSON: ${(error as Error).message}`);
    }
    entries.push({ clientId, clock, state });
  }
  reader.end();
  return entries;
}

function parseSync(reader: ByteReader): ParsedFrame {
  const step = reader.varUint();
  const payload = reader.varBytes();
  reader.end();
  if (step === SYNC_STEP_1) {
    const sv = validateStateVector(payload);
    if (!sv.ok) return { ok: false, reason: 'invalid-update', detail: sv.error.message };
    return { ok: true, frame: { kind: 'sync-step-1', stateVector: payload } };
  }
  if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
    const shape = validateUpdate(payload);
    if (!shape.ok) return { ok: false, reason: 'invalid-update', detail: shape.error.message };
    return { ok: true, frame: { kind: step === SYNC_STEP_2 ? 'sync-step-2' : 'update', update: payload } };
  }
  return { ok: false, reason: 'unknown-type', detail: `sync step ${step}` };
}

/** Parses a frame; never throws for bad input. */
export function parseFrame(data: Uint8Array): ParsedFrame {
  const reader = new ByteReader(data);
  try {
    const type = reader.varUint();
    switch (type) {
      case MESSAGE_SYNC:
        return parseSync(reader);
      case MESSAGE_AWARENESS: {
        const payload = reader.varBytes();
        reader.end();
        return { ok: true, frame: { kind: 'awareness', payload, entries: parseAwareness(payload) } };
      }
      case MESSAGE_QUERY_AWARENESS:
        reader.end();
        return { ok: true, frame: { kind: 'query-awareness' } };
      case MESSAGE_AUTH:
        return { ok: false, reason: 'unexpected-auth', detail: 'auth happens at the upgrade' };
      default:
        return { ok: false, reason: 'unknown-type', detail: `message type ${type}` };
    }
  } catch (error) {
    if (error instanceof MalformedInputError) return { ok: false, reason: 'malformed', detail: error.message };
    throw error;
  }
}
