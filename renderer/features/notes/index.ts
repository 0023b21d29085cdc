/** Sales field notes: the notes document, the deal log and its quick form, CSV import and export. */
export { NotesSession } from './NotesSession';
export type { QuickDealFormProps } from './QuickDealForm';
export { mayWriteNotes, useDeals } from './useDeals';
export { dealLogNote, useTeamDealLog, type DealLogNote, type TeamCopy } from './useTeamDealLog';
export { DealFormHost, ReviewHost, usePlaybookNotes, type PlaybookNotesState } from './usePlaybookNotes';
