/** Live collaboration through a sync server: connection state, joining, presence, inviting. */
import { lazyPart } from '../../ui/lazyPart';

export { ConnectionIndicator } from './ConnectionIndicator';
/** "Join a sync server"; its code loads the first time it opens. */
export const JoinServerDialog = lazyPart(() => import('./JoinServerDialog'), 'JoinServerDialog', {
  label: 'Opening…',
  shape: 'dialog',
});
/** Who else is in the playbook (a synced one only): its code loads with the first synced playbook shown. */
export const PresenceBar = lazyPart(() => import('./PresenceBar'), 'PresenceBar', {
  label: 'Loading who is here…',
  shape: 'quiet',
});
export { useLinkSession, useLinkState, useNow, type LinkSession } from './useLinkState';
export { canRetry, describeRetry, describeSaveState, type LocalSaveState } from './describeLinkState';
/** "Invite a teammate"; its code loads the first time it opens. */
export const InviteDialog = lazyPart(() => import('./InviteDialog'), 'InviteDialog', {
  label: 'Opening invites…',
  shape: 'dialog',
});
