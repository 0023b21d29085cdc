/**
 * The phase breakdown printed under the table: where the time of one benchmark goes, in the app and in its
 * baseline, from the pages' own User Timing measures (`duet:open:*`). Durations and ends are medians over the
 * runs; phases may overlap (reading the store starts while the app boots), so they do not add up to the total.
 */

/** The phases of opening a playbook, in the order they happen (absent ones are left out). */
export const PHASE_ORDER = [
  'script',
  'boot',
  'read-store',
  'workspace',
  'playbook',
  'decode',
  'binding',
  'reconcile',
  'chrome',
  'outline',
];

const cell = (value) => (value === null || value === undefined ? '—' : value.toFixed(1));

/**
 * The breakdown as text: phase | Duet ms | ends at | baseline ms | ends at.
 * @param {string} title
 * @param {{ app: Record<string, { ms: number|null, end: number }>, baseline: Record<string, { ms: number|null, end: number }> }} phases
 * @param {number} runs
 */
export function formatPhases(title, phases, runs) {
  const names = [...new Set([...Object.keys(phases.app), ...Object.keys(phases.baseline)])];
  const header = ['phase', 'Duet ms', 'ends at', 'baseline ms', 'ends at'];
  const rows = names.map((name) => [
    name,
    cell(phases.app[name]?.ms),
    cell(phases.app[name]?.end),
    cell(phases.baseline[name]?.ms),
    cell(phases.baseline[name]?.end),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [
    `${title} (median of ${runs} runs; "ends at" = ms since navigation; phases overlap)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
  ].join('\n');
}
