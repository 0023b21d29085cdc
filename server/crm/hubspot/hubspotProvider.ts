/**
 * HubSpot in the provider table: `crm connect --provider hubspot --token …` (a private-app access token)
 * plus HubSpot's own mapping flags.
 */
import { fail, ok } from '@shared/result';
import type { CrmProviderSpec } from '../CrmProviderSpec';
import { HUBSPOT_API, HubSpotConnector } from './HubSpotConnector';

const DEFAULT_RATE = 3;
/** Listing the archived deals reads the whole list, so it runs every ten minutes, not at every poll. */
const DEFAULT_DELETION_CHECK = 600;

/** The HubSpot entry of `CRM_PROVIDERS`. */
export const hubspotProvider: CrmProviderSpec = {
  label: 'HubSpot',
  options: {
    token: { type: 'string', help: 'the private app access token (pat-…)' },
    'account-property': { type: 'string', help: 'deal property holding the account name (default: the deal name)' },
    currency: { type: 'string', help: "the portal's company currency, for deals without one (default USD)" },
    'requests-per-second': { type: 'string', help: 'request rate (default 3: HubSpot allows search 4/s)' },
    'deletion-check-seconds': {
      type: 'string',
      help: 'how often the deals deleted in HubSpot are listed (default 600)',
    },
  },
  readFlags(values) {
    const token = typeof values.token === 'string' ? values.token.trim() : '';
    if (token === '')
      return fail('invalid-input', 'crm connect: --token is required for HubSpot (a private app token)');
    const currency = typeof values.currency === 'string' ? values.currency.trim().toUpperCase() : 'USD';
    if (!/^[A-Z]{3}$/.test(currency)) return fail('invalid-input', 'crm connect: --currency must be a code like EUR');
    const rate = values['requests-per-second'] === undefined ? DEFAULT_RATE : Number(values['requests-per-second']);
    if (!(rate > 0 && rate <= 100)) return fail('invalid-input', 'crm connect: --requests-per-second must be 0–100');
    const accountProperty = typeof values['account-property'] === 'string' ? values['account-property'].trim() : '';
    const check =
      values['deletion-check-seconds'] === undefined
        ? DEFAULT_DELETION_CHECK
        : Number(values['deletion-check-seconds']);
    if (!(Number.isInteger(check) && check >= 1 && check <= 86_400))
      return fail('invalid-input', 'crm connect: --deletion-check-seconds must be 1–86400');
    return ok({
      credentials: { token },
      extra: {
        currency,
        requestsPerSecond: String(rate),
        deletionCheckSeconds: String(check),
        ...(accountProperty ? { accountProperty } : {}),
      },
    });
  },
  create(credentials, settings) {
    return new HubSpotConnector({
      token: credentials.token ?? '',
      apiBase: (settings.apiBase ?? HUBSPOT_API).replace(/\/+$/, ''),
      requestsPerSecond: Number(settings.extra.requestsPerSecond ?? DEFAULT_RATE),
      deletionCheckMs: Number(settings.extra.deletionCheckSeconds ?? DEFAULT_DELETION_CHECK) * 1000,
      mapping: {
        narrativesProperty: settings.narrativesProperty,
        competitorProperty: settings.competitorField,
        lossReasonProperty: settings.lossReasonField || 'closed_lost_reason',
        accountProperty: settings.extra.accountProperty ?? '',
        currency: settings.extra.currency ?? 'USD',
      },
    });
  },
};
