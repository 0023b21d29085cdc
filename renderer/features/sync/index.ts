/** Live collaboration through a sync server: connection state, joining, presence, inviting. */
import { lazyPart } from '../../ui/lazyPart';
import type { InviteDialogProps } from './InviteDialog';

export { ConnectionIndicator } from './ConnectionIndicator';
/** "Join a sync server"; its code loads the first time it opens. */
export const JoinServerDialog = lazyPart<{ onClose: () => void; initialUrl?: string }>(
  () => import('./JoinServerDialog').then((m) => m.JoinServerDialog),
  { label: 'Opening…', shape: 'dialog' },
);
export { PresenceBar } from './PresenceBar';
export { useLinkSession, useLinkState, useNow, type LinkSession } from './useLinkState';
export { canRetry, describeRetry, describeSaveState, type LocalSaveState } from './describeLinkState';
/** "Invite a teammate"; its code loads the first time it opens. */
export const InviteDialog = lazyPart<InviteDialogProps>(() => import('./InviteDialog').then((m) => m.InviteDialog), {
  label: 'Opening invites…',
  shape: 'dialog',
});
