/**
 * HubSpot in the provider table: `crm connect --provider hubspot --token …` (a private-app access token)
 * plus HubSpot's own mapping flags.
 */
import { fail, ok } from '@shared/result';
import type { CrmProviderSpec } from '../providers';
import { HUBSPOT_API, HubSpotConnector } from './HubSpotConnector';

const DEFAULT_RATE = 3;

/** The HubSpot entry of `CRM_PROVIDERS`. */
export const hubspotProvider: CrmProviderSpec = {
  label: 'HubSpot',
  options: {
    token: { type: 'string', help: 'the private app access token (pat-…)' },
    'account-property': { type: 'string', help: 'deal property holding the account name (default: the deal name)' },
    currency: { type: 'string', help: "the portal's company currency, for deals without one (default USD)" },
    'requests-per-second': { type: 'string', help: 'request rate (default 3: HubSpot allows search 4/s)' },
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
    return ok({
      credentials: { token },
      extra: { currency, requestsPerSecond: String(rate), ...(accountProperty ? { accountProperty } : {}) },
    });
  },
  create(credentials, settings) {
    return new HubSpotConnector({
      token: credentials.token ?? '',
      apiBase: (settings.apiBase ?? HUBSPOT_API).replace(/\/+$/, ''),
      requestsPerSecond: Number(settings.extra.requestsPerSecond ?? DEFAULT_RATE),
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
