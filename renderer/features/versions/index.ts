/** Versions of a playbook: history, compare, restore, automatic versions, and the review per version. */
export { HistoryToggle } from './HistoryToggle';
export { usePlaybookVersions, type PlaybookVersionsState } from './usePlaybookVersions';
export { VersionAutoSavePlugin } from './VersionAutoSavePlugin';
export { VersionHistory } from './VersionHistory';
export { VersionReview } from './VersionReview';
export { localDay } from './versionDates';
export { $captureContent } from './contentOps';
export { formatWhen } from './versionDates';
export { useVersionsValue } from './useVersionsValue';
