/**
 * The CRM providers the server can sync, by name: what `crm connect` accepts for each and how a connector
 * is built from the decrypted credentials. The runner and the CLI know providers only through this table,
 * so adding one is one entry here and a connector folder (docs/CRM.md).
 */
import type { Result } from '@shared/result';
import type { CrmConnector, CrmProvider } from './CrmConnector';
import { hubspotProvider } from './hubspot/hubspotProvider';
import { salesforceProvider } from './salesforce/salesforceProvider';
import type { CrmSettings } from './store/CrmStore';

/** Parsed command-line values (node:util parseArgs). */
export type CliValues = Record<string, string | boolean | string[] | undefined>;

/** What a connector's credentials and provider settings look like once read from the flags. */
export interface ProviderFlags {
  /** Secrets: sealed before they are stored, never printed. */
  credentials: Record<string, string>;
  /** Settings that are not secret (kept in `CrmSettings.extra`, shown by `crm status`). */
  extra: Record<string, string>;
}

/** One provider. */
export interface CrmProviderSpec {
  /** How people call it: "HubSpot". */
  label: string;
  /** The narratives property when `--narratives-property` is not given (default `duet_narratives`). */
  defaultNarrativesProperty?: string;
  /** Flags of `crm connect` for this provider only, in parseArgs' shape, with a line of help each. */
  options: Record<string, { type: 'string' | 'boolean'; help: string }>;
  /** Reads credentials and provider settings from the flags; fails naming the flag that is missing. */
  readFlags(values: CliValues): Result<ProviderFlags>;
  /** A connector for one connection (no network until it is used). */
  create(credentials: Record<string, string>, settings: CrmSettings): CrmConnector;
}

/** Every provider this build can sync. */
export const CRM_PROVIDERS: Partial<Record<CrmProvider, CrmProviderSpec>> = {
  hubspot: hubspotProvider,
  salesforce: salesforceProvider,
};

/** The provider named `name`, or null. */
export function crmProvider(name: string): CrmProviderSpec | null {
  return Object.hasOwn(CRM_PROVIDERS, name) ? (CRM_PROVIDERS[name as CrmProvider] ?? null) : null;
}
