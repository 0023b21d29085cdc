/** Live collaboration through a sync server: connection state, joining, presence. */
export { ConnectionIndicator } from './ConnectionIndicator';
export { JoinServerDialog } from './JoinServerDialog';
export { PresenceBar } from './PresenceBar';
export { describeSaveState, useLinkState } from './useLinkState';
