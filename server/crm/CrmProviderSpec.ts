/**
 * What a CRM provider must say about itself: its `crm connect` flags and how a connector is built. Kept apart
 * from the table of providers (providers.ts), which imports every provider, so that a provider's own file
 * can name this shape without importing the table that imports it.
 */
import type { Result } from '@shared/result';
import type { CrmConnector } from './CrmConnector';
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
