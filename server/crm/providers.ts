/**
 * The CRM providers the server can sync, by name: what `crm connect` accepts for each and how a connector
 * is built from the decrypted credentials. The runner and the CLI know providers only through this table,
 * so adding one is one entry here and a connector folder (docs/CRM.md).
 */
import type { CrmProvider } from './CrmConnector';
import type { CrmProviderSpec } from './CrmProviderSpec';
import { hubspotProvider } from './hubspot/hubspotProvider';
import { salesforceProvider } from './salesforce/salesforceProvider';

export type { CliValues, CrmProviderSpec, ProviderFlags } from './CrmProviderSpec';

/** Every provider this build can sync. */
export const CRM_PROVIDERS: Partial<Record<CrmProvider, CrmProviderSpec>> = {
  hubspot: hubspotProvider,
  salesforce: salesforceProvider,
};

/** The provider named `name`, or null. */
export function crmProvider(name: string): CrmProviderSpec | null {
  return Object.hasOwn(CRM_PROVIDERS, name) ? (CRM_PROVIDERS[name as CrmProvider] ?? null) : null;
}
