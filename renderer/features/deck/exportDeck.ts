/**
 * The three exports, from the builder's state to a file: lay out once, then write PPTX (pptxgenjs, here in
 * the renderer), print the same layout to PDF, or write the playbook as Markdown. Bytes go to the host
 * through the typed contract; the host shows the save dialog (desktop) or downloads (browser).
 */
import type { BrandTheme } from '@shared/collab/brand';
import type { DeckLayout, DeckNarrative, DeckSpec, EvidenceSource } from '@shared/deck/deckModel';
import { renderDeckHtml } from '@shared/deck/deckHtml';
import { layoutDeck } from '@shared/deck/layoutDeck';
import { playbookToMarkdown } from '@shared/deck/playbookMarkdown';
import type { Result } from '@shared/result';
import { platform } from '../../platform/platform';

/** The builder's inputs. */
export interface DeckSources {
  spec: DeckSpec;
  narratives: readonly DeckNarrative[];
  theme: BrandTheme;
  evidence: EvidenceSource;
}

/** Lays out the deck the builder describes. */
export function layoutFromSources(sources: DeckSources): DeckLayout {
  return layoutDeck({
    spec: sources.spec,
    narratives: new Map(sources.narratives.map((n) => [n.id, n])),
    theme: sources.theme,
    evidence: sources.evidence,
  });
}

/** The deck's file name before sanitising (the host sanitises). */
function deckName(spec: DeckSpec): string {
  return (
    [spec.title, spec.customer]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' - ') || 'Deck'
  );
}

/** Builds the .pptx and hands it to the host. */
export async function exportPptx(
  sources: DeckSources,
  onProgress: (done: number, total: number) => void,
): Promise<Result<{ path: string } | null>> {
  const layout = layoutFromSources(sources);
  // pptxgenjs (with JSZip) is a third of the app's code: it loads on the first export, not at start-up.
  const { buildPptx } = await import('./buildPptx');
  const bytes = await buildPptx(
    layout,
    { title: sources.spec.title, author: sources.spec.presenter, company: sources.spec.customer },
    onProgress,
  );
  return platform.invoke('deck:save', bytes, deckName(sources.spec), 'pptx');
}

/** Prints the same layout to PDF (desktop) or opens the print dialog (browser). */
export async function exportPdf(sources: DeckSources): Promise<Result<{ path: string } | null>> {
  const html = renderDeckHtml(layoutFromSources(sources), 'print');
  return platform.invoke('deck:printToPdf', html, deckName(sources.spec));
}

/** Writes the whole playbook (every narrative, in document order) as Markdown. */
export async function exportMarkdown(
  title: string,
  narratives: readonly DeckNarrative[],
  now: Date = new Date(),
): Promise<Result<{ path: string } | null>> {
  const markdown = playbookToMarkdown({ title, narratives }, now.toISOString().slice(0, 10));
  return platform.invoke('deck:save', new TextEncoder().encode(markdown), title || 'Playbook', 'md');
}
