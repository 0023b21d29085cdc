/** "Host on this computer": the desktop app runs the sync server and invites teammates to it. */
export { HostDialog, DEFAULT_HOST_PORT } from './HostDialog';
export { HostDialogView, type HostDialogViewProps, type InviteView } from './HostDialogView';
export { CopyButton } from './CopyButton';

import { platform } from '../../platform/platform';

/** Hosting needs the desktop app: a web page cannot listen for connections. */
export const canHost = (): boolean => platform.shell === 'electron';
