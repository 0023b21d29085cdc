/**
 * Live CRM sync seen from the app: the real sync server pulls deals from a local fake HubSpot (written from
 * HubSpot's public reference) into the playbook's deal log while the storyteller has the review open — the
 * deals appear without a reload, with the status line above the review; a deal deleted in HubSpot leaves the
 * review; a revoked token is said plainly.
 */
import { expect } from '@playwright/test';
import { crmConnectArgs } from '../unit/server/crm/crmConnectArgs';
import { startFakeHubSpot, type FakeHubSpot } from '../unit/server/helpers/fakeHubSpot';
import { expectAccessible } from './support/axe';
import { joinAs, sharedSyncServer, test } from './support/joinServer';

const server = sharedSyncServer();
let fake: FakeHubSpot;
test.beforeAll(async () => {
  fake = await startFakeHubSpot();
  fake.perSecond = 25;
});
test.afterAll(async () => {
  await fake?.close();
});

test('CRM deals arrive live in the open review, with the sync status above it', async ({ browser }) => {
  const maya = await joinAs(browser, server, 'Maya', server.invite('acme', 'Maya', 'storyteller'));
  await maya.getByTestId('new-playbook').click();
  await maya.getByTestId('new-playbook-dialog').getByLabel('Title').fill('Launch story');
  await maya.getByRole('button', { name: 'Create playbook' }).click();
  await expect(maya.getByTestId('playbook-title')).toHaveValue('Launch story');
  await maya.getByTestId('review-toggle').click();
  await expect(maya.getByTestId('review-no-deals')).toBeVisible();
  await expect(maya.getByTestId('crm-status')).toHaveCount(0);

  fake.addDeals(1, '2026-03-01T09:00:00.000Z', () => ({
    dealname: 'Globex expansion',
    amount: '48000',
    dealstage: 'closedwon',
    hs_is_closed: 'true',
    hs_is_closed_won: 'true',
    closedate: '2026-02-27T00:00:00.000Z',
    duet_narratives: 'Positioning', // a narrative of the playbook, by its title
  }));
  fake.addDeals(1, '2026-03-01T09:05:00.000Z', () => ({ dealname: 'Initech pilot', duet_narratives: 'positioning' }));
  // The workspace has one playbook, so `crm connect` picks it; HubSpot has no standard competitor field.
  const connected = server.cli(
    crmConnectArgs({ provider: 'hubspot', apiBase: fake.url }, { playbook: '', competitorField: '' }),
  );
  expect(connected.join('\n')).toContain('HubSpot connected');

  await expect(maya.getByTestId('deal-card').filter({ hasText: 'Globex expansion' })).toBeVisible({ timeout: 20_000 });
  await expect(maya.getByTestId('deal-card').filter({ hasText: 'Initech pilot' })).toBeVisible();
  await expect(maya.getByTestId('summary-deals')).toContainText('2');
  await expect(maya.getByTestId('crm-status')).toContainText(/HubSpot · synced (just now|1 min ago) · 2 deals/);
  await expectAccessible(maya, 'review with the CRM status');
  await maya.screenshot({ path: 'test-results/crm/status-synced.png' });

  // A deal created in HubSpot later arrives on its own.
  fake.addDeals(1, '2026-03-01T10:00:00.000Z', () => ({
    dealname: 'Umbrella renewal',
    duet_narratives: 'Positioning',
  }));
  await expect(maya.getByTestId('deal-card').filter({ hasText: 'Umbrella renewal' })).toBeVisible({ timeout: 10_000 });
  await expect(maya.getByTestId('crm-status')).toContainText('3 deals');

  // A deal deleted in HubSpot leaves the review and its figures on its own.
  const [initech] = [...fake.deals.values()].filter((d) => d.properties.dealname === 'Initech pilot');
  fake.archiveDeal(initech!.id, '2026-03-01T10:30:00.000Z');
  await expect(maya.getByTestId('deal-card').filter({ hasText: 'Initech pilot' })).toHaveCount(0, { timeout: 10_000 });
  await expect(maya.getByTestId('summary-deals')).toContainText('2');
  await expect(maya.getByTestId('crm-status')).toContainText('2 deals');

  // The token is revoked in HubSpot: the storyteller reads what happened and what to do.
  fake.tokens.clear();
  fake.addDeals(1, '2026-03-01T11:00:00.000Z');
  await expect(maya.getByTestId('crm-status')).toContainText('HubSpot refused the token — run crm connect again', {
    timeout: 10_000,
  });
  await expect(maya.getByTestId('crm-status')).not.toContainText('pat-');
  await expectAccessible(maya, 'review with a CRM error');
  await maya.screenshot({ path: 'test-results/crm/status-error.png' });
});
