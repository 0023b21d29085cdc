/** The sample workspace. */
export { installSample } from './installSample';
export { SAMPLE_PLAYBOOKS, SAMPLE_WORKSPACE } from './sampleContent';
