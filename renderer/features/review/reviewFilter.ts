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

/** The values that occur in the deals, for the filter menus (sorted, no blanks). */
export function filterOptions(deals: readonly DealEntry[]): {
  personas: string[];
  stages: string[];
  competitors: string[];
  years: string[];
} {
  const personas = new Set<string>();
  const stages = new Set<string>();
  const competitors = new Set<string>();
  const years = new Set<string>();
  for (const d of deals) {
    if (d.persona) personas.add(d.persona);
    if (d.stage) stages.add(d.stage);
    if (d.competitor) competitors.add(d.competitor);
    years.add(d.closeDate.slice(0, 4));
  }
  const sorted = (s: Set<string>): string[] => [...s].sort((a, b) => a.localeCompare(b));
  return {
    personas: sorted(personas),
    stages: sorted(stages),
    competitors: sorted(competitors),
    years: sorted(years).reverse(),
  };
}
