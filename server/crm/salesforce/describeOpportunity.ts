/**
 * What the org's Opportunity object has, from `GET /sobjects/Opportunity/describe`: whether the org is
 * multi-currency (CurrencyIsoCode exists) and whether the configured fields exist, are visible to the
 * integration user and have the right type. One call per connector, so configuration mistakes surface as
 * a readable 'config' failure instead of a MALFORMED_QUERY on every sync.
 */
import type { CrmFailure } from '../CrmConnector';
import type { ApiFailure, SalesforceApi } from './SalesforceApi';
import { SALESFORCE_API_VERSION } from './SalesforceConfig';

/** One field of the describe reply (only what Duet reads). */
export interface DescribedField {
  name: string;
  type: string;
  updateable: boolean;
  restrictedPicklist: boolean;
  picklistValues: string[];
}

/** The Opportunity fields the integration user can see, by API name. */
export type OpportunityShape = Map<string, DescribedField>;

/** Fetches the describe of Opportunity. */
export async function describeOpportunity(
  api: SalesforceApi,
  signal?: AbortSignal,
): Promise<OpportunityShape | ApiFailure> {
  const reply = await api.call('GET', `/services/data/${SALESFORCE_API_VERSION}/sobjects/Opportunity/describe`, {
    signal,
  });
  if (!reply.ok) return reply;
  const fields = (reply.body as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) {
    return {
      ok: false,
      errorCode: '',
      failure: {
        ok: false,
        code: 'provider',
        message: 'Salesforce sent an Opportunity describe without fields; Duet will retry.',
      },
    };
  }
  const shape: OpportunityShape = new Map();
  for (const raw of fields as Record<string, unknown>[]) {
    if (typeof raw.name !== 'string') continue;
    const values = Array.isArray(raw.picklistValues) ? (raw.picklistValues as Record<string, unknown>[]) : [];
    shape.set(raw.name, {
      name: raw.name,
      type: typeof raw.type === 'string' ? raw.type : '',
      updateable: raw.updateable === true,
      restrictedPicklist: raw.restrictedPicklist === true,
      picklistValues: values
        .filter((v) => v.active !== false && typeof v.value === 'string')
        .map((v) => v.value as string),
    });
  }
  return shape;
}

/** How an admin creates the narratives field; quoted in every failure that needs it. */
export function narrativesFieldHowTo(field: string): string {
  const label = field.replace(/__c$/, '').replace(/_/g, ' ');
  return (
    `In Salesforce Setup → Object Manager → Opportunity → Fields & Relationships → New, choose ` +
    `"Picklist (Multi-Select)", label "${label}", field name "${field.replace(/__c$/, '')}", leave "Restrict picklist ` +
    `to the values defined in the value set" unticked, and make it visible and editable for the integration ` +
    `user's profile or permission set (docs/CRM.md, "Salesforce").`
  );
}

/** A 'config' failure when a configured field is missing or unreadable; null when all are there. */
export function missingFieldProblem(
  shape: OpportunityShape,
  fields: { option: string; name: string }[],
): CrmFailure | null {
  for (const { option, name } of fields) {
    if (name === '' || shape.has(name)) continue;
    const howTo = option === '--narratives-property' ? ` ${narrativesFieldHowTo(name)}` : '';
    return {
      ok: false,
      code: 'config',
      message: `Salesforce has no Opportunity field ${name} (${option}) that the integration user can see.${howTo}`,
    };
  }
  return null;
}
