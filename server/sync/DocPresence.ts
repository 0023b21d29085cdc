/**
 * The presence of one loaded document: the awareness states of its peers here and of other nodes' peers, and
 * who drives each client id — a peer may speak only for the ids it introduced (at most eight), and ids driven
 * from another node belong to no peer here. Presence is not content: it is relayed at once, never queued
 * behind stores. Split out of SharedDoc.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { fail, ok, type Result } from '@shared/result';
import type { AwarenessEntry } from '../protocol/parseFrame';
import { encodeAwareness } from '../protocol/encodeMessages';
import { broadcast } from './broadcast';
import { bindPresence } from './bindPresence';
import type { Peer } from './Peer';

/** Origin of presence that came from another node: relayed here, never published again. */
const REMOTE_ORIGIN = Symbol('remote-presence');
/** Owner of presence client ids driven from other nodes: no local peer may speak for them. */
const REMOTE_OWNER = Symbol('remote-owner');
/** A peer may drive this many awareness client ids (one per tab/editor is normal). */
const MAX_AWARENESS_IDS_PER_PEER = 8;

/** What presence needs of its document. */
export interface DocPresenceDeps {
  /** The document's peers on this node (relayed to). */
  peers: ReadonlySet<Peer>;
  /** Tells the other nodes about this node's peers' presence (a no-op on a single node). */
  publish: (payload: Uint8Array) => void;
}

/** Presence of one document. */
export class DocPresence {
  private readonly awareness: awarenessProtocol.Awareness;
  private readonly owners = new Map<number, Peer | typeof REMOTE_OWNER>();

  constructor(
    doc: Y.Doc,
    private readonly deps: DocPresenceDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no presence of its own
    this.awareness.on('update', this.handleUpdate);
  }

  /** Sends a peer every presence state (none when there are none, unless `always`: a query-awareness). */
  sendAll(peer: Peer, always = false): void {
    const states = [...this.awareness.getStates().keys()];
    if (states.length === 0 && !always) return;
    peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states)));
  }

  /** Removes the presence a peer drove (it left). */
  removePeer(peer: Peer): void {
    const owned = [...this.owners].filter(([, owner]) => owner === peer).map(([id]) => id);
    for (const id of owned) this.owners.delete(id);
    if (owned.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
  }

  /**
   * Applies a peer's presence update, refusing entries for client ids another peer drives. Each state is first
   * rewritten to name the peer's member (`bindPresence`): the server says who a presence belongs to.
   */
  apply(peer: Peer, claimed: AwarenessEntry[]): Result<void> {
    const bound = bindPresence(claimed, peer.identity);
    if (!bound.ok) return bound;
    const { payload, entries } = bound.value;
    for (const entry of entries) {
      const owner = this.owners.get(entry.clientId);
      if (owner !== undefined && owner !== peer) return fail('denied', 'awareness-spoof');
    }
    const ownedBefore = [...this.owners.values()].filter((owner) => owner === peer).length;
    const added = entries.filter((e) => e.state !== null && !this.owners.has(e.clientId)).length;
    if (ownedBefore + added > MAX_AWARENESS_IDS_PER_PEER) return fail('denied', 'awareness-limit');
    for (const entry of entries) {
      if (entry.state === null) this.owners.delete(entry.clientId);
      else this.owners.set(entry.clientId, peer);
    }
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, peer);
    } catch (error) {
      return fail('corrupt', `awareness rejected: ${(error as Error).message}`);
    }
    return ok(undefined);
  }

  /** Applies presence published by another node; a malformed message is ignored (it is only presence). */
  applyRemote(payload: Uint8Array, docName: string): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE_ORIGIN);
    } catch (error) {
      console.warn(`[cluster] ${docName}: ignored a malformed presence message`, error);
    }
  }

  /** Stops listening and releases the awareness's timer. */
  destroy(): void {
    this.awareness.off('update', this.handleUpdate);
    this.awareness.destroy();
  }

  private readonly handleUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin === REMOTE_ORIGIN) {
      for (const id of [...added, ...updated]) this.owners.set(id, REMOTE_OWNER);
    }
    for (const id of removed) if (this.owners.get(id) === REMOTE_OWNER) this.owners.delete(id);
    const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwareness(payload);
    broadcast(this.deps.peers, message);
    // Other nodes time out states on their own; only this node's clients' changes are announced.
    if (origin !== REMOTE_ORIGIN && origin !== 'timeout') this.deps.publish(payload);
  };
}
