/** Win rate per period as a small SVG chart: the interval as a band, the rate as a line with dots. */
import type { PeriodRate } from '@shared/stats/narrativeTrends';

const W = 560;
const H = 160;
/**
 * Room for half a period label ("2026-Q1", centred under its point) on the right: with 12 px the last label
 * was cut in half by the edge of the chart.
 */
const PAD = { left: 36, right: 30, top: 10, bottom: 24 };

/** Props of WinRateChart. */
export interface WinRateChartProps {
  series: readonly PeriodRate[];
  /** Where each version of the narrative began: a dashed line at its period ("2026-03" or "2026-Q1"). */
  markers?: readonly { period: string; label: string }[];
}

/** The chart; periods without decided deals leave a gap. */
export function WinRateChart({ series, markers = [] }: WinRateChartProps) {
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number): number => PAD.left + (series.length === 1 ? innerW / 2 : (i / (series.length - 1)) * innerW);
  const y = (v: number): number => PAD.top + (1 - v) * innerH;
  const points = series.map((p, i) => ({ p, i })).filter(({ p }) => p.winRate.rate !== null);
  const band =
    points.length > 1
      ? `${points.map(({ p, i }) => `${x(i)},${y(p.winRate.high)}`).join(' ')} ${points
          .slice()
          .reverse()
          .map(({ p, i }) => `${x(i)},${y(p.winRate.low)}`)
          .join(' ')}`
      : null;
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  const last = series.length - 1;
  // Every labelEvery-th period and the last one; a regular label too close to the last one would overlap it.
  const labelled = (i: number): boolean => i === last || (i % labelEvery === 0 && last - i >= labelEvery);
  // Versions begun in the same period share one line: "v1, v2".
  const placed: { label: string; period: string; i: number }[] = [];
  for (const m of markers) {
    const i = series.findIndex((p) => p.period >= m.period);
    if (i < 0 || m.period < (series[0]?.period ?? '')) continue;
    const same = placed.find((p) => p.i === i);
    if (same) same.label = `${same.label}, ${m.label}`;
    else placed.push({ ...m, i });
  }
  const summary = [
    points.map(({ p }) => `${p.period}: ${p.won} of ${p.decided}`).join('; '),
    ...placed.map((m) => `${m.label} began ${m.period}`),
  ].join('; ');
  return (
    <svg
      className="win-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Win rate over time. ${summary}`}
      data-testid="win-chart"
    >
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line className="win-chart-grid" x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text className="win-chart-axis" x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {v * 100}%
          </text>
        </g>
      ))}
      {band && <polygon className="win-chart-band" points={band} />}
      {points.length > 1 && (
        <polyline
          className="win-chart-line"
          points={points.map(({ p, i }) => `${x(i)},${y(p.winRate.rate!)}`).join(' ')}
        />
      )}
      {points.map(({ p, i }) => (
        <g key={p.period}>
          {points.length === 1 && (
            <line className="win-chart-whisker" x1={x(i)} x2={x(i)} y1={y(p.winRate.low)} y2={y(p.winRate.high)} />
          )}
          <circle className="win-chart-dot" cx={x(i)} cy={y(p.winRate.rate!)} r={3 + Math.min(4, p.decided / 3)}>
            <title>{`${p.period}: ${p.won} won of ${p.decided} decided`}</title>
          </circle>
        </g>
      ))}
      {placed.map((m) => (
        <g key={m.label} className="win-chart-marker" data-testid="version-marker">
          <line x1={x(m.i)} x2={x(m.i)} y1={PAD.top} y2={H - PAD.bottom} />
          <text x={x(m.i) + 3} y={PAD.top + 9}>
            {m.label}
          </text>
        </g>
      ))}
      {series.map((p, i) =>
        labelled(i) ? (
          <text key={p.period} className="win-chart-axis" x={x(i)} y={H - 6} textAnchor="middle">
            {p.period}
          </text>
        ) : null,
      )}
    </svg>
  );
}
