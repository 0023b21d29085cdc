/** Sizes in messages: "3.2 MB", "256 MB". */

/** Formats a byte count in megabytes (MiB, as file managers on every OS show them) for user-facing text. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
