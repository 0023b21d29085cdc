/**
 * The review of one narrative per version, shown under its chart: a row per version in which its words
 * changed (deals, won, lost, win rate with its 95% interval), and the difference between two versions with
 * Newcombe's 95% interval and a plain verdict.
 */
import { useState } from 'react';
import type { VersionMeta } from '@shared/collab/versions';
import type { DealEntry } from '@shared/domain/deal';
import { compareVersionRows, type VersionRow } from '@shared/stats/versionReview';
import { versionReviewOf } from './versionReviewOf';
import { formatWhen } from './versionDates';
import './versions.css';

/** Props of VersionReview. */
export interface VersionReviewProps {
  narrativeId: string;
  /** The deals that used the narrative (others are skipped, but walking them cost 70 ms at 20,000 deals). */
  deals: readonly DealEntry[];
  versions: readonly VersionMeta[];
  /** True while the review's filters are on: they do not apply here, and the table says so. */
  filtersIgnored?: boolean;
}

const pct = (v: number): string => `${Math.round(v * 100)}%`;

function rateText(row: VersionRow): string {
  if (row.winRate.rate === null) return '—';
  return `${pct(row.winRate.rate)} (${pct(row.winRate.low)}–${pct(row.winRate.high)})`;
}

/** The per-version table and verdict of one narrative. */
export function VersionReview({ narrativeId, deals, versions, filtersIgnored = false }: VersionReviewProps) {
  // Made once per deals and versions (and usually warmed before the review opens): versionReviewOf.ts.
  const { rows } = versionReviewOf(narrativeId, deals, versions);
  const [pair, setPair] = useState<{ newer: number; older: number } | null>(null);
  if (rows.length === 0)
    return (
      <section className="version-review" aria-label="Win rate per version" data-testid="version-review">
        <h3>By version</h3>
        <p className="muted">
          No version holds this narrative yet. Save a version in the History; deals logged afterwards count for it, so
          the next rewrite can be compared with it.
        </p>
      </section>
    );
  const newer = Math.min(pair?.newer ?? rows.length - 1, rows.length - 1);
  const older = Math.min(pair?.older ?? rows.length - 2, rows.length - 1);
  const difference = rows.length > 1 && newer !== older ? compareVersionRows(rows[newer]!, rows[older]!) : null;
  const byDate = rows.reduce((sum, r) => sum + r.byCloseDate, 0);
  const picker = (value: number, onChange: (i: number) => void, testId: string) => (
    <select value={value} onChange={(e) => onChange(Number(e.target.value))} data-testid={testId}>
      {rows.map((r, i) => (
        <option key={r.versionId ?? 'before'} value={i}>
          {r.label}
        </option>
      ))}
    </select>
  );
  return (
    <section className="version-review" aria-label="Win rate per version" data-testid="version-review">
      <div className="review-section-head">
        <h3>By version</h3>
        <span className="muted">win rate with its 95% interval</span>
      </div>
      {filtersIgnored && (
        <p className="muted version-review-note" data-testid="version-filters-ignored">
          Every deal of this narrative: the filters above do not apply here, so each version is judged on all its deals.
        </p>
      )}
      <table className="version-table">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Deals</th>
            <th scope="col">Won</th>
            <th scope="col">Lost (competitor / no decision)</th>
            <th scope="col">Win rate</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.versionId ?? 'before'} data-testid="version-row" data-version-label={r.label}>
              <th scope="row">
                <span className="version-number">{r.label}</span> <span className="version-row-name">{r.name}</span>
                {r.startedAt !== null && <span className="version-row-when">from {formatWhen(r.startedAt)}</span>}
              </th>
              <td data-testid="version-deals">{r.deals}</td>
              <td data-testid="version-won">{r.won}</td>
              <td>
                {r.lostCompetitor + r.lostNoDecision} ({r.lostCompetitor} / {r.lostNoDecision})
              </td>
              <td data-testid="version-rate">{rateText(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {difference && (
        <div className="version-verdict" data-testid="version-verdict">
          <div className="version-verdict-pickers">
            {picker(newer, (i) => setPair({ newer: i, older }), 'verdict-newer')}
            <span>against</span>
            {picker(older, (i) => setPair({ newer, older: i }), 'verdict-older')}
          </div>
          <p>
            <strong>{difference.verdict}</strong>
          </p>
          <p className="muted">
            Difference in win rate {difference.newer.label} − {difference.older.label}, with its 95% interval
            (Newcombe’s method). When the interval spans zero, the deals so far cannot tell the versions apart.
          </p>
        </div>
      )}
      {byDate > 0 && (
        <p className="muted version-review-note" data-testid="attributed-by-date">
          {byDate} deal{byDate === 1 ? ' was' : 's were'} logged without a version (before versions existed, or imported
          from CSV) and {byDate === 1 ? 'is' : 'are'} counted for the version in force on the deal’s close date.
        </p>
      )}
    </section>
  );
}
