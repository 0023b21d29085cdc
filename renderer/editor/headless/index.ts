/** Headless access to playbook documents (no DOM editor needed). */
export { createPlaybookDoc, readPlaybookDoc, withHeadlessPlaybook } from './writeSpecToDoc';
