/**
 * ConfirmDialog as a part that loads the first time a question is asked (see lazyPart.tsx), for screens a
 * returning user sees first — the workspace and the playbook's narratives — which ask one only on a delete.
 * Render it only while it is open: mounted, it is the dialog shown.
 */
import { lazyPart } from './lazyPart';

/** The confirmation of ConfirmDialog.tsx, loaded on first use. */
export const LazyConfirmDialog = lazyPart(() => import('./ConfirmDialog'), 'ConfirmDialog', {
  label: 'Opening…',
  shape: 'dialog',
});
