/**
 * The `crm connect` argument list every CRM test and the CRM bench sends, in one place: the CRM-side flags
 * (a fake HubSpot or a fake Salesforce org) plus the mapping the stage's workspace uses. The caller adds where
 * the server keeps its data (`--data D` or `--database-url U`), since each harness knows its own.
 * No imports and no TypeScript-only syntax beyond types: `bench/server-crm-sync.mjs` loads it as it is.
 */

/** A local fake HubSpot (tests/unit/server/helpers/fakeHubSpot.ts). */
export interface HubSpotTarget {
  provider: 'hubspot';
  apiBase: string;
  token?: string;
  /** Default 20 (the fakes allow more than HubSpot's 4/s, so tests are not slowed by pacing). */
  requestsPerSecond?: number;
  /** How often deleted deals are listed; default 1 s, so a test sees a deletion within a poll or two. */
  deletionCheckSeconds?: number;
}

/** A local fake Salesforce org (tests/unit/server/crm/salesforce/fakeSalesforce). */
export interface SalesforceTarget {
  provider: 'salesforce';
  /** The fake's address: both the login URL and the instance URL. */
  url: string;
  clientId: string;
  keyFile: string;
  username: string;
  currency?: string;
}

/** What the connection maps; the defaults are the CRM stage's (tests/unit/server/crm/crmStage.ts). */
export interface ConnectOptions {
  workspace?: string;
  playbook?: string;
  /** Default 1. */
  pollSeconds?: number;
  /** Default: `competitor` (HubSpot), `Competitor__c` (Salesforce); '' leaves the flag out. */
  competitorField?: string;
  /** Default: none (HubSpot), `Loss_Reason__c` (Salesforce). */
  lossReasonField?: string;
  writeBack?: boolean;
  /** Flags added as they are, last. */
  extra?: string[];
}

function providerArgs(target: HubSpotTarget | SalesforceTarget): string[] {
  if (target.provider === 'hubspot')
    return [
      '--token',
      target.token ?? 'pat-test-token',
      '--api-base',
      target.apiBase,
      '--requests-per-second',
      String(target.requestsPerSecond ?? 20),
      '--deletion-check-seconds',
      String(target.deletionCheckSeconds ?? 1),
    ];
  return [
    '--instance-url',
    target.url,
    '--login-url',
    target.url,
    '--client-id',
    target.clientId,
    '--key-file',
    target.keyFile,
    '--username',
    target.username,
    '--currency',
    target.currency ?? 'EUR',
  ];
}

/** `crm connect …` for `target`, without the data location. */
export function crmConnectArgs(target: HubSpotTarget | SalesforceTarget, options: ConnectOptions = {}): string[] {
  const hubspot = target.provider === 'hubspot';
  const competitor = options.competitorField ?? (hubspot ? 'competitor' : 'Competitor__c');
  const lossReason = options.lossReasonField ?? (hubspot ? '' : 'Loss_Reason__c');
  return [
    'crm',
    'connect',
    '--workspace',
    options.workspace ?? 'acme',
    '--provider',
    target.provider,
    ...providerArgs(target),
    ...(options.playbook === '' ? [] : ['--playbook', options.playbook ?? 'p1']),
    '--poll-seconds',
    String(options.pollSeconds ?? 1),
    ...(competitor === '' ? [] : ['--competitor-field', competitor]),
    ...(lossReason === '' ? [] : ['--loss-reason-field', lossReason]),
    ...(options.writeBack ? ['--write-back'] : []),
    ...(options.extra ?? []),
  ];
}
