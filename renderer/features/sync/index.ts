/** Live collaboration through a sync server: connection state, joining, presence, inviting. */
import { lazyPart } from '../../ui/lazyPart';

export { ConnectionIndicator } from './ConnectionIndicator';
/** "Join a sync server"; its code loads the first time it opens. */
export const JoinServerDialog = lazyPart(() => import('./JoinServerDialog'), 'JoinServerDialog', {
  label: 'Opening…',
  shape: 'dialog',
});
export { PresenceBar } from './PresenceBar';
export { useLinkSession, useLinkState, useNow, type LinkSession } from './useLinkState';
export { canRetry, describeRetry, describeSaveState, type LocalSaveState } from './describeLinkState';
/** "Invite a teammate"; its code loads the first time it opens. */
export const InviteDialog = lazyPart(() => import('./InviteDialog'), 'InviteDialog', {
  label: 'Opening invites…',
  shape: 'dialog',
});
