/** Find anything: the workspace's full-text index (in a worker), the palette, and jumping to a result. */
import { lazyPart } from '../../ui/lazyPart';

export { SearchClient } from './SearchClient';
export { SearchHighlightPlugin } from './SearchHighlightPlugin';
/** The palette; its code loads the first time it opens (the index lives in a worker, started separately). */
export const SearchPalette = lazyPart(() => import('./SearchPalette'), 'SearchPalette', {
  label: 'Opening search…',
  shape: 'dialog',
});
export type { PaletteCommand, SearchPaletteProps } from './SearchPalette';
export { onDealJump, requestJump } from './searchJump';
export { useWorkspaceSearch } from './useWorkspaceSearch';
