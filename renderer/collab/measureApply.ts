/**
 * Phases of putting stored content into a document that an editor is bound to, as User Timing measures
 * (`duet:open:decode`, `duet:open:binding`): Yjs reads and integrates the update, then calls its observers —
 * the editor binding, which turns the content into Lexical nodes. The benchmark prints them for the app and
 * for the bare editor it is compared with (bench/openPlaybook.mjs).
 */
import type * as Y from 'yjs';
import { measurePhase } from '../platform/measurePhase';

/** Measures the next transaction on `doc`, started at `start` (a `performance.now()` value). */
export function measureApply(doc: Y.Doc, start: number): void {
  let decoded = start;
  const handleBeforeObservers = (): void => {
    decoded = measurePhase('open:decode', start);
  };
  const handleAfter = (): void => {
    doc.off('beforeObserverCalls', handleBeforeObservers);
    doc.off('afterTransaction', handleAfter);
    measurePhase('open:binding', decoded);
  };
  doc.on('beforeObserverCalls', handleBeforeObservers);
  doc.on('afterTransaction', handleAfter);
}
