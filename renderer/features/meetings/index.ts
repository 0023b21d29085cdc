/** Joint reviews: shared goals measured from the deal log, meetings with a proposed agenda, run live. */
import { lazyPart } from '../../ui/lazyPart';

/** The joint reviews page; its code loads the first time it opens. */
export const MeetingsView = lazyPart(() => import('./MeetingsView'), 'MeetingsView', {
  label: 'Opening joint reviews…',
  shape: 'panel',
});
/** The goals strip above a review (loads with the review). */
export const ReviewGoals = lazyPart(() => import('./ReviewGoals'), 'ReviewGoals', {
  label: 'Loading goals…',
  shape: 'quiet',
});
export type { MeetingsViewProps } from './MeetingsView';
export type { ReviewGoalsProps } from './ReviewGoals';
export { useDueActionsNotice } from './useDueActionsNotice';
