/** "Host on this computer": the desktop app runs the sync server and invites teammates to it. */
import { lazyPart } from '../../ui/lazyPart';
import { platform } from '../../platform/platform';

/** The host dialog; its code loads the first time it opens. */
export const HostDialog = lazyPart(() => import('./HostDialog'), 'HostDialog', {
  label: 'Opening hosting…',
  shape: 'dialog',
});
export type { HostDialogViewProps, InviteView } from './HostDialogView';

/** Hosting needs the desktop app: a web page cannot listen for connections. */
export const canHost = (): boolean => platform.shell === 'electron';
