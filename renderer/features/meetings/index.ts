/** Joint reviews: shared goals measured from the deal log, meetings with a proposed agenda, run live. */
export { MeetingsView, type MeetingsViewProps } from './MeetingsView';
export { useDueActionsNotice } from './useDueActionsNotice';
export { ReviewGoals, type ReviewGoalsProps } from './ReviewGoals';
