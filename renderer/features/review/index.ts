/** The win/loss review of a playbook's narratives. */
export { ReviewView, type ReviewViewProps } from './ReviewView';
