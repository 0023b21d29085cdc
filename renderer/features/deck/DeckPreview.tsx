/**
 * The live preview: the same HTML the print layout uses, in a shadow root so its stylesheet (adopted
 * through the CSSOM, as the CSP forbids inline styles) touches nothing else in the app.
 */
import { useEffect, useRef } from 'react';
import type { DeckLayout } from '@shared/deck/deckModel';
import { renderDeckHtml } from '@shared/deck/deckHtml';

/** Props of DeckPreview. */
export interface DeckPreviewProps {
  layout: DeckLayout;
}

/** Renders every slide of `layout`, scaled to the preview's width. */
export function DeckPreview({ layout }: DeckPreviewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = hostRef.current;
    if (host === null) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const { css, bodyHtml } = renderDeckHtml(layout, 'preview');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = bodyHtml; // our own render: every narrative text in it is escaped
  }, [layout]);
  return (
    <div className="deck-preview" data-testid="deck-preview" aria-label={`Preview, ${layout.slides.length} slides`}>
      <div ref={hostRef} />
    </div>
  );
}
