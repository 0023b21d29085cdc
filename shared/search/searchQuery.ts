/**
 * What a person typed into the palette: free words, `key:value` filters (`persona:cfo status:approved`,
 * quoted values allowed: `persona:"vp finance"`) and the `>` prefix of command mode.
 */
import { normalizeTerm } from './searchText';

/** The kinds of things search finds, in the order groups are listed when scores tie. */
export const SEARCH_KINDS = ['narrative', 'playbook', 'deal', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Plural labels of the result groups. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  narrative: 'Narratives',
  playbook: 'Playbooks',
  deal: 'Deals',
  note: 'Notes',
};

/** Filters a query can carry; values are normalized (lowercase, no accents). */
export interface SearchFilters {
  kind?: SearchKind;
  persona?: string;
  stage?: string;
  status?: string;
}

/** The filter keys a person can type, each with what it narrows. */
export const FILTER_KEYS = ['kind', 'persona', 'stage', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A parsed palette query. */
export interface ParsedQuery {
  /** The words to search for (filters removed), trimmed. */
  text: string;
  filters: SearchFilters;
  /** True when the query starts with `>`: the palette lists commands instead of content. */
  commandMode: boolean;
}

/** Longest query accepted; longer input is cut (a pasted page must not stall the engine). */
export const MAX_QUERY_LENGTH = 200;

const KIND_ALIASES: Record<string, SearchKind> = {
  narrative: 'narrative',
  narratives: 'narrative',
  playbook: 'playbook',
  playbooks: 'playbook',
  deal: 'deal',
  deals: 'deal',
  note: 'note',
  notes: 'note',
};

const FILTER = /(?:^|\s)(kind|type|persona|stage|status):(?:"([^"]*)"|(\S*))/gi;

/** Parses a palette query. Unknown `key:` words stay search words. */
export function parseQuery(raw: string): ParsedQuery {
  const input = raw.slice(0, MAX_QUERY_LENGTH);
  if (input.trimStart().startsWith('>'))
    return { text: input.trimStart().slice(1).trim(), filters: {}, commandMode: true };
  const filters: SearchFilters = {};
  const text = input.replace(FILTER, (_all, rawKey: string, quoted?: string, bare?: string) => {
    const key = rawKey.toLowerCase() === 'type' ? 'kind' : (rawKey.toLowerCase() as FilterKey);
    const value = normalizeTerm((quoted ?? bare ?? '').trim());
    if (value === '') return ' ';
    if (key === 'kind') {
      const kind = KIND_ALIASES[value];
      if (kind) filters.kind = kind;
    } else filters[key] = value;
    return ' ';
  });
  return { text: text.replace(/\s+/g, ' ').trim(), filters, commandMode: false };
}

/** Writes filters back as text (for chips the palette offers to remove). */
export function formatFilter(key: FilterKey, value: string): string {
  return /\s/.test(value) ? `${key}:"${value}"` : `${key}:${value}`;
}
