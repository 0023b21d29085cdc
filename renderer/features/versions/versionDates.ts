/** Dates as the history shows them: in this person's own time zone and language. */

/** The local calendar day of an instant, yyyy-mm-dd (what "at most once a day" counts in). */
export function localDay(at: number): string {
  const d = new Date(at);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The name of an automatic daily version: "Daily · 2 Dec 2026". */
export function dailyVersionName(at: number): string {
  return `Daily · ${new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}`;
}

/** "2 Dec 2026, 14:05". */
export function formatWhen(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
