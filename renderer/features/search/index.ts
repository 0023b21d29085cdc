/** Find anything: the workspace's full-text index (in a worker), the palette, and jumping to a result. */
export { SearchClient } from './SearchClient';
export { SearchHighlightPlugin } from './SearchHighlightPlugin';
export { SearchPalette, type PaletteCommand, type SearchPaletteProps } from './SearchPalette';
export { onDealJump, requestJump } from './searchJump';
export { useWorkspaceSearch } from './useWorkspaceSearch';
