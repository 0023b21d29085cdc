/** One search result: kind badge, title, where it is, and the snippet with the matching words marked. */
import type { SearchHit } from '@shared/search/SearchEngine';

/** Props of ResultRow. */
export interface ResultRowProps {
  id: string;
  hit: SearchHit;
  active: boolean;
  playbookTitle: string;
  onHover: () => void;
  onChoose: () => void;
}

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  narrative: 'Narrative',
  playbook: 'Playbook',
  deal: 'Deal',
  note: 'Note',
};

/** A result option of the palette's listbox. */
export function ResultRow({ id, hit, active, playbookTitle, onHover, onChoose }: ResultRowProps) {
  const where = hit.kind === 'playbook' ? '' : playbookTitle;
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      className="palette-option"
      data-testid="search-result"
      data-kind={hit.kind}
      onMouseMove={onHover}
      onClick={onChoose}
    >
      <div className="palette-option-head">
        <span className={`palette-kind palette-kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
        <span className="palette-title">{hit.title || 'Untitled'}</span>
        <span className="palette-where">{[where, hit.detail].filter(Boolean).join(' · ')}</span>
      </div>
      {hit.snippet.length > 0 && (
        <div className="palette-snippet">
          {hit.snippet.map((part, i) =>
            part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
          )}
        </div>
      )}
    </div>
  );
}
