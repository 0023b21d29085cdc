// The status line's words: what a storyteller reads above the review.
import { describe, expect, it } from 'vitest';
import type { CrmStatusView } from '../../../../../shared/collab/crmStatus';
import { describeCrmStatus } from '../../../../../renderer/features/crm/crmStatusText';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const base: CrmStatusView = {
  provider: 'hubspot',
  label: 'HubSpot',
  state: 'ok',
  playbookId: 'p1',
  lastSyncAt: NOW - 2 * 60_000,
  dealsSynced: 20_000,
  lastError: null,
  writeBack: false,
};

describe('the CRM status line', () => {
  it('says when it last synced and how many deals came from the CRM', () => {
    expect(describeCrmStatus(base, NOW)).toEqual({
      tone: 'ok',
      text: 'HubSpot · synced 2 min ago · 20,000 deals',
      detail: null,
    });
    expect(describeCrmStatus({ ...base, lastSyncAt: NOW - 5_000, dealsSynced: 1 }, NOW).text).toBe(
      'HubSpot · synced just now · 1 deal',
    );
  });

  it('shows a sync under way and a first sync', () => {
    expect(describeCrmStatus({ ...base, state: 'syncing', dealsSynced: 1234 }, NOW)).toMatchObject({
      tone: 'busy',
      text: 'HubSpot · syncing… · 1,234 deals',
      detail: 'Last complete sync 2 min ago.',
    });
    expect(describeCrmStatus({ ...base, state: 'waiting', lastSyncAt: null }, NOW).text).toBe(
      'HubSpot · connected, first sync starting',
    );
  });

  it("gives the connector's readable error with what to do", () => {
    const message = 'HubSpot refused the token — run `crm connect` again with a valid private-app token.';
    expect(describeCrmStatus({ ...base, state: 'error', lastError: { code: 'auth', message, at: NOW } }, NOW)).toEqual({
      tone: 'error',
      text: message,
      detail: 'Last complete sync 2 min ago.',
    });
    expect(
      describeCrmStatus(
        { ...base, state: 'error', lastError: { code: 'provider', message: 'Timed out.', at: NOW } },
        NOW,
      ).text,
    ).toBe('HubSpot: Timed out.');
  });
});
