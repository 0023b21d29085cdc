/**
 * "Show me this result": the palette asks, the workspace opens the playbook, and the open editor (whose
 * plugin subscribes here) scrolls to the narrative and highlights the words. A tiny store because the
 * palette and the editor are far apart in the tree and the editor may mount after the request.
 */

/** Where to go and what to highlight. */
export interface SearchJump {
  playbookId: string;
  /** A narrative to scroll to, with `terms` highlighted in it. */
  narrativeId?: string;
  /** A deal to show (the playbook view opens it). */
  dealId?: string;
  terms: string[];
  /** Distinguishes two requests for the same place (each scrolls again). */
  seq: number;
}

let current: SearchJump | null = null;
let seq = 0;
const listeners = new Set<(jump: SearchJump | null) => void>();

/** Asks the editor of `playbookId` to show a narrative with `terms` highlighted. */
export function requestJump(jump: Omit<SearchJump, 'seq'>): void {
  current = { ...jump, seq: ++seq };
  for (const listener of listeners) listener(current);
}

/** The request waiting to be shown, if any. */
export function pendingJump(): SearchJump | null {
  return current;
}

/** Marks a request as shown. */
export function finishJump(jump: SearchJump): void {
  if (current?.seq === jump.seq) current = null;
}

/** Subscribes to requests; returns the disposer. */
export function onJump(listener: (jump: SearchJump | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Calls `onDeal` for deal requests aimed at `playbookId` (also one made before the view mounted); returns the
 * disposer. The playbook view opens the deal: the deal form for its author, the review for anyone else.
 */
export function onDealJump(playbookId: string, onDeal: (dealId: string) => boolean): () => void {
  const handle = (jump: SearchJump | null): void => {
    if (jump?.playbookId !== playbookId || jump.dealId === undefined) return;
    if (onDeal(jump.dealId)) finishJump(jump);
  };
  handle(current);
  return onJump(handle);
}
