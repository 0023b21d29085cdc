/** The win/loss review of a playbook's narratives. */
import { lazyPart } from '../../ui/lazyPart';

/** The review; its code (charts, the virtual list) loads the first time it opens. */
export const ReviewView = lazyPart(() => import('./ReviewView'), 'ReviewView', {
  label: 'Opening the review…',
  shape: 'panel',
});
export type { ReviewViewProps } from './ReviewView';
export type { DealVersionOf, DealVersionTag } from './DealCard';
export { attentionOf, dealsOf, warmReview } from './reviewData';
export { useWarmDeals, WARM_ABOVE } from './useWarmDeals';
export { localToday } from './reviewFilter';
