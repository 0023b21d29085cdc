/** Find anything: the workspace's full-text index (in a worker), the palette, and jumping to a result. */
import { lazyPart } from '../../ui/lazyPart';
import type { SearchPaletteProps } from './SearchPalette';

export { SearchClient } from './SearchClient';
export { SearchHighlightPlugin } from './SearchHighlightPlugin';
/** The palette; its code loads the first time it opens (the index lives in a worker, started separately). */
export const SearchPalette = lazyPart<SearchPaletteProps>(
  () => import('./SearchPalette').then((m) => m.SearchPalette),
  {
    label: 'Opening search…',
    shape: 'dialog',
  },
);
export type { PaletteCommand, SearchPaletteProps } from './SearchPalette';
export { onDealJump, requestJump } from './searchJump';
export { useWorkspaceSearch } from './useWorkspaceSearch';
