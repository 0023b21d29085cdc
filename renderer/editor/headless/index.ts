/** Headless access to playbook documents (no DOM editor needed). */
export {
  bindHeadlessEditor,
  createPlaybookDoc,
  openHeadlessMirror,
  readPlaybookDoc,
  withHeadlessPlaybook,
  type HeadlessMirror,
} from './writeSpecToDoc';
