/**
 * The CRM sync's status in words, for the line above the review: "HubSpot · synced 2 min ago · 20,000
 * deals", or what went wrong and what to do. Pure, so it is tested without a browser.
 */
import type { CrmStatusView } from '@shared/collab/crmStatus';

/** What the line shows. */
export interface CrmStatusText {
  tone: 'ok' | 'busy' | 'error';
  text: string;
  /** A second sentence (when the last good sync was), or null. */
  detail: string | null;
}

/** "just now", "2 min ago", "3 h ago", "on 2 Mar". */
export function ago(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${new Date(then).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`;
}

const count = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'deal' : 'deals'}`;

/** The words for `status` at time `now` (epoch ms). */
export function describeCrmStatus(status: CrmStatusView, now: number): CrmStatusText {
  const { label } = status;
  const synced = status.lastSyncAt === null ? null : `Last complete sync ${ago(status.lastSyncAt, now)}.`;
  if (status.state === 'error' && status.lastError) {
    const message = status.lastError.message;
    // The connector's own words name the fix ("run `crm connect` again"); only the provider is added.
    return { tone: 'error', text: message.startsWith(label) ? message : `${label}: ${message}`, detail: synced };
  }
  if (status.state === 'waiting')
    return { tone: 'busy', text: `${label} · connected, first sync starting`, detail: null };
  if (status.state === 'syncing' || status.lastSyncAt === null)
    return { tone: 'busy', text: `${label} · syncing… · ${count(status.dealsSynced)}`, detail: synced };
  return {
    tone: 'ok',
    text: `${label} · synced ${ago(status.lastSyncAt, now)} · ${count(status.dealsSynced)}`,
    detail: null,
  };
}
