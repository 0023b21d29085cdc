/** Versions of a playbook: history, compare, restore, automatic versions, and the review per version. */
import { lazyPart } from '../../ui/lazyPart';

export { HistoryToggle } from './HistoryToggle';
export { usePlaybookVersions, type PlaybookVersionsState } from './usePlaybookVersions';
export { VersionAutoSavePlugin } from './VersionAutoSavePlugin';
/** The history panel (compare, restore); its code loads the first time it opens. */
export const VersionHistory = lazyPart(() => import('./VersionHistory'), 'VersionHistory', {
  label: 'Opening the history…',
  shape: 'panel',
});
/** A narrative's record per version, inside the review (loads with it). */
export const VersionReview = lazyPart(() => import('./VersionReview'), 'VersionReview', {
  label: 'Loading versions…',
  shape: 'quiet',
});
export { localDay } from './versionDates';
export { $captureContent } from './contentOps';
export { formatWhen } from './versionDates';
export { useVersionsValue } from './useVersionsValue';
export { useWarmVersionReviews } from './useWarmVersionReviews';
