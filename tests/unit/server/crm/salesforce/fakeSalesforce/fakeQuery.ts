/**
 * Runs a parsed SOQL query over the fake org's Opportunities and renders records the way the REST API
 * does: only the selected fields, parent fields nested as `{ attributes, Name }`, dateTimes as
 * `2024-01-01T00:00:00.000+0000`, and `attributes: { type, url }` on every record.
 */
import { parseSoql, SoqlError, type SoqlExpr, type SoqlValue } from './parseSoql';

/** An Opportunity field as the describe reports it. */
export interface FakeField {
  name: string;
  type: 'id' | 'string' | 'picklist' | 'multipicklist' | 'currency' | 'date' | 'datetime' | 'boolean' | 'reference';
  updateable: boolean;
  restrictedPicklist?: boolean;
  picklistValues?: string[];
}

/** A stored record, keyed by SOQL field path (`Account.Name`); SystemModstamp is epoch milliseconds. */
export type FakeRecord = Record<string, string | number | boolean | null>;

/** A query the org refuses: answered 400 with this errorCode. */
export class QueryProblem extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** Parent fields reachable through a relationship (Opportunity.Account, Opportunity.Owner). */
const PARENT_FIELDS: Record<string, string> = { 'Account.Name': 'Account', 'Owner.Email': 'User' };

function compare(value: FakeRecord[string], expr: Extract<SoqlExpr, { kind: 'compare' }>): boolean {
  const literal: SoqlValue = expr.value;
  const right = literal !== null && typeof literal === 'object' ? literal.dateTime : literal;
  if (right === null || value === null) {
    const equal = right === value;
    return expr.op === '=' ? equal : expr.op === '!=' ? !equal : false;
  }
  const left = value as string | number | boolean;
  switch (expr.op) {
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
  }
}

function matches(record: FakeRecord, expr: SoqlExpr): boolean {
  if (expr.kind === 'and') return matches(record, expr.left) && matches(record, expr.right);
  if (expr.kind === 'or') return matches(record, expr.left) || matches(record, expr.right);
  return expr.kind === 'compare' && compare(record[expr.field] ?? null, expr);
}

function fieldsOf(expr: SoqlExpr | null): string[] {
  if (!expr) return [];
  return expr.kind === 'compare' ? [expr.field] : [...fieldsOf(expr.left), ...fieldsOf(expr.right)];
}

/** Renders the selected fields of one record. */
export function renderRecord(record: FakeRecord, fields: string[]): Record<string, unknown> {
  const id = String(record.Id);
  const out: Record<string, unknown> = {
    attributes: { type: 'Opportunity', url: `/services/data/v62.0/sobjects/Opportunity/${id}` },
  };
  for (const field of fields) {
    const value = record[field] ?? null;
    const parent = PARENT_FIELDS[field];
    if (parent) {
      const [relation, name] = field.split('.') as [string, string];
      out[relation] =
        value === null
          ? null
          : { attributes: { type: parent, url: `/services/data/v62.0/sobjects/${parent}/x` }, [name]: value };
    } else if (field === 'SystemModstamp') {
      out[field] = new Date(value as number).toISOString().replace('Z', '+0000');
    } else {
      out[field] = value;
    }
  }
  return out;
}

/** Every record the query selects, rendered, in its ORDER BY order and within its LIMIT. */
export function evaluateQuery(soql: string, records: FakeRecord[], fields: FakeField[]): Record<string, unknown>[] {
  let query;
  try {
    query = parseSoql(soql);
  } catch (error) {
    if (error instanceof SoqlError) throw new QueryProblem('MALFORMED_QUERY', error.message);
    throw error;
  }
  if (query.object !== 'Opportunity')
    throw new QueryProblem('INVALID_TYPE', `sObject type '${query.object}' is not supported.`);
  const known = new Set([...fields.map((f) => f.name), ...Object.keys(PARENT_FIELDS)]);
  for (const name of [...query.fields, ...fieldsOf(query.where), ...query.orderBy]) {
    if (!known.has(name)) {
      throw new QueryProblem(
        'INVALID_FIELD',
        `No such column '${name}' on entity 'Opportunity'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
      );
    }
  }
  const selected = records.filter((r) => !query.where || matches(r, query.where));
  selected.sort((a, b) => {
    for (const field of query.orderBy) {
      const x = a[field] ?? '';
      const y = b[field] ?? '';
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
  return selected.slice(0, query.limit ?? undefined).map((r) => renderRecord(r, query.fields));
}
