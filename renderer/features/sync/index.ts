/** Live collaboration through a sync server: connection state, joining, presence, inviting. */
export { ConnectionIndicator } from './ConnectionIndicator';
export { JoinServerDialog } from './JoinServerDialog';
export { PresenceBar } from './PresenceBar';
export { useLinkSession, useLinkState, useNow, type LinkSession } from './useLinkState';
export { canRetry, describeRetry, describeSaveState, type LocalSaveState } from './describeLinkState';
export { InviteDialog } from './InviteDialog';
