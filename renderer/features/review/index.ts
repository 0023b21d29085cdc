/** The win/loss review of a playbook's narratives. */
export { ReviewView, type ReviewViewProps } from './ReviewView';
export type { DealVersionOf, DealVersionTag } from './DealCard';
export { warmReview } from './reviewData';
export { localToday } from './reviewFilter';
