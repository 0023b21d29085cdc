/** Joint reviews: shared goals measured from the deal log, meetings with a proposed agenda, run live. */
import { lazyPart } from '../../ui/lazyPart';
import type { MeetingsViewProps } from './MeetingsView';
import type { ReviewGoalsProps } from './ReviewGoals';

/** The joint reviews page; its code loads the first time it opens. */
export const MeetingsView = lazyPart<MeetingsViewProps>(() => import('./MeetingsView').then((m) => m.MeetingsView), {
  label: 'Opening joint reviews…',
  shape: 'panel',
});
/** The goals strip above a review (loads with the review). */
export const ReviewGoals = lazyPart<ReviewGoalsProps>(() => import('./ReviewGoals').then((m) => m.ReviewGoals), {
  label: 'Loading goals…',
  shape: 'quiet',
});
export type { MeetingsViewProps } from './MeetingsView';
export type { ReviewGoalsProps } from './ReviewGoals';
export { useDueActionsNotice } from './useDueActionsNotice';
