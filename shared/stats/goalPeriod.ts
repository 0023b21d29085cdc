/**
 * The stretch of time a shared goal is measured over: the calendar quarter or month containing a day, or
 * one of the periods before it, with its label ("Q2 2026", "May 2026").
 */
import type { GoalPeriod } from '../collab/goals';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate(); // month is 1-based: day 0 of the next month
}

/**
 * The period of `unit` containing `date` (yyyy-mm-dd), or `back` periods before it.
 */
export function goalPeriod(date: string, unit: GoalPeriod, back = 0): { from: string; to: string; label: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)); // 1-12
  const size = unit === 'quarter' ? 3 : 1;
  const first = Math.floor((month - 1) / size) * size + 1 - back * size; // may run below 1
  const y = year + Math.floor((first - 1) / 12);
  const m = ((((first - 1) % 12) + 12) % 12) + 1;
  const endMonth = m + size - 1;
  const label = unit === 'quarter' ? `Q${(m - 1) / 3 + 1} ${y}` : `${MONTHS[m - 1]} ${y}`;
  return { from: `${y}-${pad(m)}-01`, to: `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}`, label };
}
