/** Governance of narratives: approval by storytellers, review-by dates and staleness, what changed, activity. */
export { ActivityPanel } from './ActivityPanel';
export { GovernancePlugin } from './GovernancePlugin';
export type { GovernanceStore } from './GovernanceStore';
export { usePlaybookGovernance, type PlaybookGovernance } from './usePlaybookGovernance';
export { WhatChangedBanner } from './WhatChangedBanner';
export { seedGovernance } from './seedGovernance';
export { NeedsReviewEntry, NeedsReviewView } from './NeedsReviewView';
export { scanNeedsReview, type NeedsReviewScan } from './scanNeedsReview';
export { useApprovalFacts } from './useApprovalFacts';
