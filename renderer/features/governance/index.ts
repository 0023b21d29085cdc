/** Governance of narratives: approval by storytellers, review-by dates and staleness, what changed, activity. */
import { lazyPart } from '../../ui/lazyPart';

/** The activity panel; its code loads the first time it opens. */
export const ActivityPanel = lazyPart(() => import('./ActivityPanel'), 'ActivityPanel', {
  label: 'Opening the activity…',
  shape: 'panel',
});
export { GovernancePlugin } from './GovernancePlugin';
export type { GovernanceStore } from './GovernanceStore';
export { usePlaybookGovernance, type PlaybookGovernance } from './usePlaybookGovernance';
export { WhatChangedBanner } from './WhatChangedBanner';
export { seedGovernance } from './seedGovernance';
/** The workspace's "Needs review" list; its code loads the first time it opens. */
export const NeedsReviewView = lazyPart(() => import('./NeedsReviewView'), 'NeedsReviewView', {
  label: 'Opening Needs review…',
  shape: 'panel',
});
export type { NeedsReviewViewProps } from './NeedsReviewView';
export { type NeedsReviewScan } from './scanNeedsReview';
export { needsReviewScanner, type NeedsReviewScanner } from './NeedsReviewScanner';
export { useApprovalFacts } from './useApprovalFacts';
