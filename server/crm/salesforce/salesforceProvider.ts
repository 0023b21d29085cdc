/**
 * Salesforce in the provider table: `crm connect --provider salesforce --instance-url … --client-id …
 * --key-file … --username …` (OAuth 2.0 JWT bearer flow of a connected app, docs/CRM.md "Salesforce"). The
 * key file's content is a credential: sealed with the server's secret, never printed.
 */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fail, ok } from '@shared/result';
import type { CliValues, CrmProviderSpec } from '../CrmProviderSpec';
import { DEFAULT_LOGIN_URL, fieldNameProblem } from './SalesforceConfig';
import { SalesforceConnector } from './SalesforceConnector';

/** The narratives multi-select when `--narratives-property` is not given. */
export const DEFAULT_SALESFORCE_NARRATIVES_FIELD = 'Duet_Narratives__c';

const text = (values: CliValues, name: string): string =>
  typeof values[name] === 'string' ? (values[name] as string).trim() : '';

function httpsUrl(value: string): boolean {
  // http only for a local address: the tests' fake org.
  return /^https:\/\/[^\s/]+$/.test(value) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(value);
}

/** Reads the PEM from `--key-file`, refusing anything that is not an RSA private key (without echoing it). */
function readPrivateKey(path: string): { ok: true; pem: string } | { ok: false; message: string } {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      message: `crm connect: cannot read --key-file ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
  try {
    if (createPrivateKey(pem).asymmetricKeyType === 'rsa') return { ok: true, pem };
  } catch {
    // fall through: the content is a secret, so the message names only the file
  }
  return {
    ok: false,
    message: `crm connect: --key-file ${path} is not a PEM RSA private key (the .key made with the certificate)`,
  };
}

/** The Salesforce entry of `CRM_PROVIDERS`. */
export const salesforceProvider: CrmProviderSpec = {
  label: 'Salesforce',
  defaultNarrativesProperty: DEFAULT_SALESFORCE_NARRATIVES_FIELD,
  options: {
    'instance-url': { type: 'string', help: "the org's My Domain URL, e.g. https://acme.my.salesforce.com" },
    'client-id': { type: 'string', help: "the connected app's consumer key" },
    'key-file': { type: 'string', help: 'PEM private key whose certificate is on the connected app (stored sealed)' },
    username: { type: 'string', help: 'the pre-authorised integration user' },
    'login-url': {
      type: 'string',
      help: `where to sign in (default ${DEFAULT_LOGIN_URL}; sandboxes https://test.salesforce.com)`,
    },
    currency: { type: 'string', help: 'the company currency of a single-currency org (default USD)' },
  },
  readFlags(values) {
    const instanceUrl = text(values, 'instance-url').replace(/\/+$/, '');
    const loginUrl = (text(values, 'login-url') || DEFAULT_LOGIN_URL).replace(/\/+$/, '');
    const clientId = text(values, 'client-id');
    const username = text(values, 'username');
    const keyFile = text(values, 'key-file');
    for (const [flag, value] of [
      ['--instance-url', instanceUrl],
      ['--client-id', clientId],
      ['--key-file', keyFile],
      ['--username', username],
    ]) {
      if (value === '')
        return fail('invalid-input', `crm connect: ${flag} is required for Salesforce (docs/CRM.md, "Salesforce")`);
    }
    if (!httpsUrl(instanceUrl))
      return fail('invalid-input', 'crm connect: --instance-url must be https://your-domain.my.salesforce.com');
    if (!httpsUrl(loginUrl)) return fail('invalid-input', 'crm connect: --login-url must be an https:// address');
    const currency = (text(values, 'currency') || 'USD').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return fail('invalid-input', 'crm connect: --currency must be a code like EUR');
    for (const flag of ['narratives-property', 'competitor-field', 'loss-reason-field']) {
      const problem = fieldNameProblem(text(values, flag), `--${flag}`);
      if (problem) return fail('invalid-input', `crm connect: ${problem}`);
    }
    const key = readPrivateKey(keyFile);
    if (!key.ok) return fail('invalid-input', key.message);
    return ok({
      credentials: { clientId, username, privateKeyPem: key.pem },
      extra: { instanceUrl, loginUrl, currency },
    });
  },
  create(credentials, settings) {
    return new SalesforceConnector({
      instanceUrl: settings.extra.instanceUrl ?? '',
      loginUrl: settings.extra.loginUrl ?? DEFAULT_LOGIN_URL,
      clientId: credentials.clientId ?? '',
      username: credentials.username ?? '',
      privateKeyPem: credentials.privateKeyPem ?? '',
      narrativesField: settings.narrativesProperty,
      competitorField: settings.competitorField,
      lossReasonField: settings.lossReasonField,
      defaultCurrency: settings.extra.currency ?? 'USD',
    });
  },
};
