/** What the palette says when nothing is typed yet (how to search) and how far the index is. */
import { parseQuery } from '@shared/search/searchQuery';
import type { IndexStatus } from './searchProtocol';

const EXAMPLES: { text: string; label: string }[] = [
  { text: 'downtime', label: 'words, even misspelt' },
  { text: 'persona:cfo ', label: 'by persona' },
  { text: 'status:approved ', label: 'approved narratives' },
  { text: 'kind:deal ', label: 'only deals' },
  { text: '>', label: 'run a command' },
];

/** The empty state: what can be found, and example queries to click. */
export function PaletteEmptyState({ onPick }: { onPick: (text: string) => void }) {
  return (
    <div className="palette-empty" data-testid="search-empty">
      <p className="palette-empty-title">Find anything in this workspace</p>
      <p className="muted">
        Narrative titles, key messages, body text and proof points; personas and stages; deals, accounts and their
        notes; notes on the words. Typos are forgiven.
      </p>
      <ul className="palette-examples">
        {EXAMPLES.map((example) => (
          <li key={example.text}>
            <button type="button" className="palette-chip" onClick={() => onPick(example.text)}>
              <code>{example.text.trim()}</code>
            </button>
            <span className="muted">{example.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The footer line: index progress, or how to move around. */
export function PaletteStatus({ status }: { status: IndexStatus }) {
  const text =
    status.state === 'loading'
      ? 'Opening the search index…'
      : status.state === 'building'
        ? `Indexing this workspace… ${status.done} of ${status.total} documents read (results so far are shown)`
        : status.state === 'failed'
          ? `Search is not available: ${status.message}`
          : `${status.records.toLocaleString()} items indexed · works offline`;
  return (
    <footer className="palette-footer">
      <span role="status" data-testid="search-status" data-state={status.state}>
        {text}
      </span>
      <span className="muted">↑↓ to move · Enter to open · Esc to close</span>
    </footer>
  );
}

const KIND_PICKS = [
  ['narrative', 'Narratives'],
  ['deal', 'Deals'],
  ['note', 'Notes'],
  ['playbook', 'Playbooks'],
] as const;

/**
 * Filters that can be picked instead of typed: one kind at a time (pressing the active one removes it), and
 * the typed `persona:`/`stage:`/`status:` filters as chips that remove themselves.
 */
export function FilterBar({ query, onChange }: { query: string; onChange: (query: string) => void }) {
  const parsed = parseQuery(query);
  const withoutKey = (key: string): string =>
    query
      .replace(new RegExp(`(^|\\s)(${key === 'kind' ? 'kind|type' : key}):("[^"]*"|\\S*)`, 'gi'), ' ')
      .replace(/\s+/g, ' ')
      .trimStart();
  const chips = (['persona', 'stage', 'status'] as const).filter((k) => parsed.filters[k]);
  return (
    <div className="palette-filters" role="toolbar" aria-label="Filters">
      {KIND_PICKS.map(([kind, label]) => {
        const pressed = parsed.filters.kind === kind;
        return (
          <button
            key={kind}
            type="button"
            className="palette-chip"
            aria-pressed={pressed}
            onClick={() => onChange(pressed ? withoutKey('kind') : `${withoutKey('kind')} kind:${kind} `.trimStart())}
          >
            {label}
          </button>
        );
      })}
      {chips.map((key) => (
        <button
          key={key}
          type="button"
          className="palette-chip palette-chip-active"
          aria-label={`Remove filter ${key}: ${parsed.filters[key]}`}
          onClick={() => onChange(withoutKey(key))}
        >
          {key}: {parsed.filters[key]} ×
        </button>
      ))}
    </div>
  );
}
