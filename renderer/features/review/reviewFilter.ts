/** The review's filter controls as state, and their translation into a ReviewFilter. */
import type { DealEntry } from '@shared/domain/deal';
import type { ReviewFilter } from '@shared/stats/narrativeReview';
import { daysBefore } from '@shared/stats/narrativeTrends';

/** Period choices: all time, the last 90 days, the last 12 months, or a calendar year ("2025"). */
export type PeriodChoice = 'all' | '90d' | '12m' | `${number}`;

/** What the filter bar holds. */
export interface FilterState {
  persona: string;
  stage: string;
  competitor: string;
  period: PeriodChoice;
}

/** No filter. */
export const NO_FILTER: FilterState = { persona: '', stage: '', competitor: '', period: 'all' };

/** Today as yyyy-mm-dd in local time. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The ReviewFilter of a filter state. */
export function toReviewFilter(state: FilterState, today: string): ReviewFilter {
  const filter: ReviewFilter = {};
  if (state.persona) filter.persona = state.persona;
  if (state.stage) filter.stage = state.stage;
  if (state.competitor) filter.competitor = state.competitor;
  if (state.period === '90d') filter.from = daysBefore(today, 90);
  else if (state.period === '12m') filter.from = daysBefore(today, 365);
  else if (/^\d{4}$/.test(state.period)) {
    filter.from = `${state.period}-01-01`;
    filter.to = `${state.period}-12-31`;
  }
  return filter;
}

/** At most this many values per filter menu: a menu of 5,000 competitors helps nobody and costs 5,000 elements. */
export const MAX_FILTER_VALUES = 100;

/** One filter menu: its values (sorted) and how many rarer values were left out. */
export interface FilterValues {
  values: string[];
  omitted: number;
}

/** The values that occur in the deals, for the filter menus (the most frequent ones, sorted, no blanks). */
export function filterOptions(deals: readonly DealEntry[]): {
  personas: FilterValues;
  stages: FilterValues;
  competitors: FilterValues;
  years: string[];
} {
  const personas = new Map<string, number>();
  const stages = new Map<string, number>();
  const competitors = new Map<string, number>();
  const years = new Set<string>();
  const add = (counts: Map<string, number>, value: string): void => {
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  };
  for (const d of deals) {
    add(personas, d.persona);
    add(stages, d.stage);
    add(competitors, d.competitor);
    years.add(d.closeDate.slice(0, 4));
  }
  const top = (counts: Map<string, number>): FilterValues => {
    const entries = [...counts];
    if (entries.length > MAX_FILTER_VALUES) entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const values = entries.slice(0, MAX_FILTER_VALUES).map(([v]) => v);
    return { values: values.sort((a, b) => a.localeCompare(b)), omitted: entries.length - values.length };
  };
  return {
    personas: top(personas),
    stages: top(stages),
    competitors: top(competitors),
    years: [...years].sort().reverse(),
  };
}

/** True when any filter is on. */
export function isFiltering(state: FilterState): boolean {
  return state.persona !== '' || state.stage !== '' || state.competitor !== '' || state.period !== 'all';
}
