/**
 * The palette (Ctrl/⌘+P): one field that finds narratives, proof points, deals, notes and playbooks —
 * grouped by kind, best first, matching words highlighted — and, after a `>`, runs commands. Fully
 * keyboard-driven: arrows move, Enter opens, Escape closes; focus returns to where it was.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchResults } from '@shared/search/SearchEngine';
import { parseQuery } from '@shared/search/searchQuery';
import { captureFocus } from '../../ui/focusReturn';
import { Kbd } from '../../ui/Kbd';
import type { SearchClient } from './SearchClient';
import { FilterBar, PaletteEmptyState, PaletteStatus } from './PaletteHints';
import { ResultRow } from './ResultRow';
import { useIndexStatus } from './useIndexStatus';
import './search.css';

/** A command as the palette lists it (generated from the command registry by the caller). */
export interface PaletteCommand {
  id: string;
  label: string;
  /** Shown beside the label, e.g. "Mod+Shift+L". */
  keys?: string;
  run: () => void;
}

/** Props of SearchPalette. */
export interface SearchPaletteProps {
  client: SearchClient;
  /** The title of a playbook, for the line under each result. */
  playbookTitle: (playbookId: string) => string;
  /** The commands available here and now. */
  commands: readonly PaletteCommand[];
  /** Text the field starts with (`>` opens command mode). */
  initialQuery?: string;
  onOpenHit: (hit: SearchHit) => void;
  onClose: () => void;
}

type Option = { kind: 'hit'; hit: SearchHit } | { kind: 'command'; command: PaletteCommand };

function matchCommands(commands: readonly PaletteCommand[], text: string): PaletteCommand[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}

/** The search and command palette. */
export function SearchPalette(props: SearchPaletteProps) {
  const { client, commands, onClose } = props;
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState(props.initialQuery ?? '');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [active, setActive] = useState(0);
  const status = useIndexStatus(client);
  // Someone is about to search: an index still waiting for the app to settle starts now.
  useEffect(() => client.prepare(), [client]);
  // Edits (here or arriving from the server) re-run the open query, so new words show up as they are indexed.
  const [generation, setGeneration] = useState(0);
  useEffect(() => client.onIndexed(() => setGeneration((g) => g + 1)), [client]);
  const parsed = useMemo(() => parseQuery(query), [query]);

  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    const opener = captureFocus();
    if (!dialog.open) dialog.showModal();
    inputRef.current?.focus();
    return () => {
      const activeElement = document.activeElement;
      const ours = activeElement === null || activeElement === document.body || dialog.contains(activeElement);
      if (dialog.open) dialog.close();
      if (ours) opener.restore();
    };
  }, []);

  // Every keystroke queries the worker; only the answer to the latest query is shown.
  useEffect(() => {
    if (parsed.commandMode) return;
    let current = true;
    void client.query(query).then(({ results: found }) => {
      if (current) setResults(found);
    });
    return () => {
      current = false;
    };
  }, [client, query, parsed.commandMode, status, generation]);

  const options: Option[] = useMemo(() => {
    if (parsed.commandMode)
      return matchCommands(commands, parsed.text).map((command) => ({ kind: 'command', command }));
    return (results?.groups ?? []).flatMap((g) => g.hits.map((hit) => ({ kind: 'hit' as const, hit })));
  }, [parsed, commands, results]);

  useEffect(() => setActive(0), [options]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const choose = (option: Option | undefined): void => {
    if (option === undefined) return;
    onClose();
    // After the palette has closed and given focus back (a command such as "New narrative" acts at the caret).
    setTimeout(() => (option.kind === 'hit' ? props.onOpenHit(option.hit) : option.command.run()), 0);
  };

  const handleKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length === 0 ? 0 : (a + step + options.length) % options.length));
    } else if (event.key === 'Home' && options.length > 0 && event.ctrlKey) setActive(0);
    else if (event.key === 'Enter') {
      event.preventDefault();
      choose(options[active]);
    }
  };

  let index = -1;
  const optionId = (i: number) => `${listId}-${i}`;
  const showEmpty = !parsed.commandMode && query.trim() === '';
  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label="Search and commands"
      data-testid="search-palette"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === dialogRef.current) onClose(); // a click on the backdrop
      }}
    >
      <div className="palette-field">
        <span className="palette-icon" aria-hidden="true">
          {parsed.commandMode ? '›' : '⌕'}
        </span>
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options.length > 0 ? optionId(active) : undefined}
          aria-autocomplete="list"
          aria-label="Search the workspace, or type > for commands"
          placeholder="Search narratives, proof points, deals, notes…  (> for commands)"
          value={query}
          maxLength={200}
          spellCheck={false}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={handleKeyDown}
          data-testid="search-input"
        />
        <Kbd keys="Esc" />
      </div>
      {!parsed.commandMode && (
        <FilterBar
          query={query}
          onChange={(next) => {
            setQuery(next);
            inputRef.current?.focus();
          }}
        />
      )}
      {showEmpty ? (
        <PaletteEmptyState onPick={(text) => setQuery(text)} />
      ) : (
        <div className="palette-results" role="listbox" id={listId} aria-label="Results">
          {parsed.commandMode
            ? options.map((option, i) =>
                option.kind === 'command' ? (
                  <div
                    key={option.command.id}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    className="palette-option palette-command"
                    onMouseMove={() => setActive(i)}
                    onClick={() => choose(option)}
                  >
                    <span>{option.command.label}</span>
                    {option.command.keys && <Kbd keys={option.command.keys} />}
                  </div>
                ) : null,
              )
            : (results?.groups ?? []).map((group) => (
                <div key={group.kind} role="group" aria-label={group.label} className="palette-group">
                  <div className="palette-group-label" aria-hidden="true">
                    {group.label}
                    <span className="muted">
                      {group.total > group.hits.length ? ` · best ${group.hits.length} of ${group.total}` : ''}
                    </span>
                  </div>
                  {group.hits.map((hit) => {
                    index++;
                    const i = index;
                    return (
                      <ResultRow
                        key={hit.id}
                        id={optionId(i)}
                        hit={hit}
                        active={i === active}
                        playbookTitle={props.playbookTitle(hit.playbookId)}
                        onHover={() => setActive(i)}
                        onChoose={() => choose({ kind: 'hit', hit })}
                      />
                    );
                  })}
                </div>
              ))}
          {options.length === 0 && (
            <p className="palette-none" role="status">
              {parsed.commandMode
                ? `No command matches “${parsed.text}”.`
                : `Nothing matches “${query.trim()}”${status.state === 'building' ? ' yet — still indexing' : ''}. Check the spelling of rarer words, or remove a filter.`}
            </p>
          )}
        </div>
      )}
      <PaletteStatus status={status} />
    </dialog>
  );
}
