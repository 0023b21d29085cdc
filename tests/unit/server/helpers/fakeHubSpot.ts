/**
 * A local HubSpot for tests, written from HubSpot's public CRM v3 reference (these machines cannot reach
 * HubSpot): deal search (filterGroups, one sort, limit ≤ 200, `after` paging and its 10,000-result cap),
 * deal PATCH, the deal list (`GET /crm/v3/objects/deals`, `archived=true` for deleted deals, limit ≤ 100,
 * `after` paging), archiving and restoring a deal (a search never returns an archived deal; a restore is a
 * change), deal properties (read, create, add options), owners and deal pipelines. It enforces what a
 * connector must respect — bearer tokens (401 when revoked), a per-second request limit (429 with
 * Retry-After), the cap (400) — and can be told to fail: a 500 or a 429 on coming searches, or slow replies.
 * Deals sharing one modification time are returned in an order that is NOT by id, as HubSpot promises none.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** One deal as stored: HubSpot keeps every property as a string. */
export interface FakeDeal {
  id: string;
  properties: Record<string, string | null>;
}

interface PropertyDefinition {
  name: string;
  type: string;
  fieldType: string;
  options: { label: string; value: string; displayOrder: number }[];
}

type Fault = { status: 500 } | { status: 429; retryAfter: number };

/** A running fake. */
export interface FakeHubSpot {
  url: string;
  deals: Map<string, FakeDeal>;
  /** Deals deleted in HubSpot (its recycle bin), with when. */
  archived: Map<string, FakeDeal & { archivedAt: string }>;
  owners: { id: string; email: string; firstName: string; lastName: string }[];
  properties: Map<string, PropertyDefinition>;
  /** Valid tokens; remove one to revoke it. */
  tokens: Set<string>;
  /** Requests per second per token before 429 (HubSpot's search limit is 4). */
  perSecond: number;
  /** Faults the next searches answer with, in order. */
  faults: Fault[];
  /** Delay before every search or list reply (ms), to catch a sync in the middle. */
  searchDelayMs: number;
  /** What happened, for assertions. */
  log: {
    /** Milliseconds the fake spent answering searches (benchmarks subtract it). */
    searchMs: number;
    searches: number;
    /** Pages of the archived-deals list served, and the `after` each asked from (null: the first page). */
    archivedLists: number;
    archivedAfters: (string | null)[];
    tooMany: number;
    refusedAuth: number;
    patches: { id: string; properties: Record<string, string> }[];
  };
  /** Adds deals modified at `modifiedAt` (ISO), ids continuing from the highest. */
  addDeals(count: number, modifiedAt: string, make?: (i: number) => Record<string, string | null>): FakeDeal[];
  /** Changes a deal as a user in HubSpot would (its modification time becomes `at`). */
  editDeal(id: string, properties: Record<string, string | null>, at: string): void;
  /** Deletes a deal as a user does in HubSpot (to the recycle bin). */
  archiveDeal(id: string, at: string): void;
  /** Restores a deleted deal; HubSpot counts it as a change (its modification time becomes `at`). */
  restoreDeal(id: string, at: string): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

const error = (
  res: ServerResponse,
  status: number,
  category: string,
  message: string,
  headers: Record<string, string> = {},
) =>
  json(
    res,
    status,
    { status: 'error', message, correlationId: '00000000-0000-0000-0000-000000000000', category },
    headers,
  );

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? null : (JSON.parse(text) as unknown);
}

/** Times compare as epoch ms (HubSpot accepts ms or ISO in filters); ids as integers; the rest as text. */
function compareValues(property: string, a: string, b: string): number {
  if (property === 'hs_lastmodifieddate' || property === 'closedate' || property === 'createdate') {
    const ms = (v: string) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v));
    return ms(a) - ms(b);
  }
  if (property === 'hs_object_id') return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A value that sorts as `compareValues` compares: epoch ms for dates, the integer for ids, else the text. */
function sortKey(property: string, deal: FakeDeal): number | bigint | string {
  const value = property === 'hs_object_id' ? deal.id : (deal.properties[property] ?? '');
  if (property === 'hs_lastmodifieddate' || property === 'closedate' || property === 'createdate')
    return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return property === 'hs_object_id' ? BigInt(value) : value;
}

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}

function matches(deal: FakeDeal, filter: Filter): boolean {
  const actual = filter.propertyName === 'hs_object_id' ? deal.id : deal.properties[filter.propertyName];
  if (filter.operator === 'HAS_PROPERTY') return actual !== null && actual !== undefined && actual !== '';
  if (actual === null || actual === undefined || filter.value === undefined) return false;
  const c = compareValues(filter.propertyName, actual, String(filter.value));
  switch (filter.operator) {
    case 'EQ':
      return c === 0;
    case 'NEQ':
      return c !== 0;
    case 'GT':
      return c > 0;
    case 'GTE':
      return c >= 0;
    case 'LT':
      return c < 0;
    case 'LTE':
      return c <= 0;
    default:
      throw new Error(`fake HubSpot: operator ${filter.operator} not modelled`);
  }
}

/** A scrambled but stable order for ties (HubSpot promises none; a connector must not rely on id order). */
const scramble = (id: string) => Number((BigInt(id) * 2654435761n) % 4294967296n);

/** Starts the fake on a free loopback port. */
export async function startFakeHubSpot(token = 'pat-test-token'): Promise<FakeHubSpot> {
  let nextId = 1000;
  const windows = new Map<string, number[]>();
  const fake: FakeHubSpot = {
    url: '',
    deals: new Map(),
    archived: new Map(),
    owners: [],
    properties: new Map(),
    tokens: new Set([token]),
    perSecond: 4,
    faults: [],
    searchDelayMs: 0,
    log: { searchMs: 0, searches: 0, archivedLists: 0, archivedAfters: [], tooMany: 0, refusedAuth: 0, patches: [] },
    addDeals(count, modifiedAt, make) {
      const out: FakeDeal[] = [];
      for (let i = 0; i < count; i++) {
        const id = String(++nextId);
        const deal: FakeDeal = {
          id,
          properties: {
            dealname: `Deal ${id}`,
            amount: '1000',
            dealstage: 'appointmentscheduled',
            pipeline: 'default',
            closedate: null,
            hs_is_closed: 'false',
            hs_is_closed_won: 'false',
            createdate: modifiedAt,
            hs_lastmodifieddate: modifiedAt,
            ...make?.(i),
          },
        };
        fake.deals.set(id, deal);
        out.push(deal);
      }
      return out;
    },
    editDeal(id, properties, at) {
      const deal = fake.deals.get(id);
      if (!deal) throw new Error(`fake HubSpot: no deal ${id}`);
      Object.assign(deal.properties, properties, { hs_lastmodifieddate: at });
    },
    archiveDeal(id, at) {
      const deal = fake.deals.get(id);
      if (!deal) throw new Error(`fake HubSpot: no deal ${id}`);
      fake.deals.delete(id);
      fake.archived.set(id, { ...deal, archivedAt: at });
    },
    restoreDeal(id, at) {
      const deal = fake.archived.get(id);
      if (!deal) throw new Error(`fake HubSpot: no archived deal ${id}`);
      fake.archived.delete(id);
      fake.deals.set(id, { id, properties: { ...deal.properties, hs_lastmodifieddate: at } });
    },
    close: async () => {},
  };

  const limited = (auth: string): boolean => {
    const now = Date.now();
    const hits = (windows.get(auth) ?? []).filter((t) => now - t < 1000);
    const over = hits.length >= fake.perSecond;
    if (!over) hits.push(now);
    windows.set(auth, hits);
    return over;
  };

  const search = async (body: Record<string, unknown>, res: ServerResponse) => {
    fake.log.searches++;
    if (fake.searchDelayMs > 0) await new Promise((r) => setTimeout(r, fake.searchDelayMs));
    const fault = fake.faults.shift();
    if (fault?.status === 500) return error(res, 500, 'INTERNAL_ERROR', 'internal error');
    if (fault?.status === 429)
      return error(res, 429, 'RATE_LIMITS', 'You have reached your secondly limit.', {
        'Retry-After': String(fault.retryAfter),
      });
    const started = performance.now();
    const limit = Number(body.limit ?? 10);
    const after = Number(body.after ?? 0);
    const groups = (body.filterGroups ?? []) as { filters: Filter[] }[];
    const sorts = (body.sorts ?? []) as { propertyName: string; direction?: string }[];
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      return error(res, 400, 'VALIDATION_ERROR', 'limit must be 1–200');
    if (groups.length > 5 || groups.some((g) => g.filters.length > 6))
      return error(res, 400, 'VALIDATION_ERROR', 'at most 5 filterGroups of at most 6 filters');
    if (sorts.length > 1) return error(res, 400, 'VALIDATION_ERROR', 'only one sort is supported');
    // The cap: a search never pages past 10,000 results.
    if (after >= 10_000 || after + limit > 10_000)
      return error(res, 400, 'VALIDATION_ERROR', 'There was a problem with the request.');
    let hits = [...fake.deals.values()].filter(
      (deal) => groups.length === 0 || groups.some((g) => g.filters.every((f) => matches(deal, f))),
    );
    const sort = sorts[0];
    if (sort) {
      const sign = sort.direction === 'DESCENDING' ? -1 : 1;
      // Each deal's sort key is computed once (a date parsed per comparison made big searches slow).
      const keys = new Map(hits.map((d) => [d, sortKey(sort.propertyName, d)]));
      hits.sort((a, b) => {
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        return sign * (ka < kb ? -1 : ka > kb ? 1 : 0) || scramble(a.id) - scramble(b.id);
      });
    }
    const total = hits.length;
    hits = hits.slice(after, after + limit);
    const wanted = (body.properties ?? ['dealname', 'amount', 'closedate', 'pipeline', 'dealstage']) as string[];
    const results = hits.map((d) => {
      const properties: Record<string, string | null> = {
        hs_object_id: d.id,
        hs_lastmodifieddate: d.properties.hs_lastmodifieddate ?? null,
        createdate: d.properties.createdate ?? null,
      };
      for (const p of wanted) properties[p] = d.properties[p] ?? null;
      return {
        id: d.id,
        properties,
        createdAt: d.properties.createdate,
        updatedAt: d.properties.hs_lastmodifieddate,
        archived: false,
      };
    });
    const more = after + limit < total;
    fake.log.searchMs += performance.now() - started;
    json(res, 200, { total, results, ...(more ? { paging: { next: { after: String(after + limit) } } } : {}) });
  };

  /** The deal list, by id; `after` is opaque to callers (here: the id to start at). */
  const list = async (url: URL, res: ServerResponse) => {
    if (fake.searchDelayMs > 0) await new Promise((r) => setTimeout(r, fake.searchDelayMs));
    const archived = url.searchParams.get('archived') === 'true';
    const limit = Number(url.searchParams.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return error(res, 400, 'VALIDATION_ERROR', 'limit must be 1–100');
    const after = url.searchParams.get('after');
    if (archived) {
      fake.log.archivedLists++;
      fake.log.archivedAfters.push(after);
    }
    const source: FakeDeal[] = archived ? [...fake.archived.values()] : [...fake.deals.values()];
    const sorted = source.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
    const from = after === null ? 0 : sorted.findIndex((d) => BigInt(d.id) >= BigInt(after));
    const page = from < 0 ? [] : sorted.slice(from, from + limit);
    const next = from < 0 ? undefined : sorted[from + limit];
    const wanted = (url.searchParams.get('properties') ?? '').split(',').filter(Boolean);
    json(res, 200, {
      results: page.map((d) => ({
        id: d.id,
        properties: Object.fromEntries(
          ['hs_object_id', ...wanted].map((p) => [p, p === 'hs_object_id' ? d.id : (d.properties[p] ?? null)]),
        ),
        createdAt: d.properties.createdate,
        updatedAt: d.properties.hs_lastmodifieddate,
        archived,
        ...('archivedAt' in d ? { archivedAt: d.archivedAt } : {}),
      })),
      ...(next ? { paging: { next: { after: next.id, link: `${fake.url}${url.pathname}?after=${next.id}` } } } : {}),
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    if (!fake.tokens.has(auth)) {
      fake.log.refusedAuth++;
      return error(res, 401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    }
    if (limited(auth)) {
      fake.log.tooMany++;
      return error(res, 429, 'RATE_LIMITS', 'You have reached your secondly limit.', { 'Retry-After': '1' });
    }
    const body = (await readBody(req)) as Record<string, unknown> | null;
    const path = url.pathname;
    if (req.method === 'POST' && path === '/crm/v3/objects/deals/search') return search(body ?? {}, res);
    if (req.method === 'GET' && path === '/crm/v3/objects/deals') return list(url, res);
    const dealMatch = /^\/crm\/v3\/objects\/deals\/(\d+)$/.exec(path);
    if (req.method === 'PATCH' && dealMatch) {
      const deal = fake.deals.get(dealMatch[1]!);
      if (!deal) return error(res, 404, 'OBJECT_NOT_FOUND', 'resource not found');
      const properties = (body?.properties ?? {}) as Record<string, string>;
      for (const [name, value] of Object.entries(properties)) {
        const definition = fake.properties.get(name);
        if (!definition && !(name in deal.properties))
          return error(res, 400, 'VALIDATION_ERROR', `Property "${name}" does not exist`);
        const allowed = new Set(definition?.options.map((o) => o.value));
        if (definition?.type === 'enumeration' && value !== '' && value.split(';').some((v) => !allowed.has(v)))
          return error(res, 400, 'VALIDATION_ERROR', `${value} was not one of the allowed options`);
      }
      fake.log.patches.push({ id: deal.id, properties });
      fake.editDeal(deal.id, properties, new Date().toISOString());
      return json(res, 200, { id: deal.id, properties: deal.properties, archived: false });
    }
    const propertyMatch = /^\/crm\/v3\/properties\/deals(?:\/([A-Za-z0-9_]+))?$/.exec(path);
    if (propertyMatch) {
      const name = propertyMatch[1];
      const existing = name ? fake.properties.get(name) : undefined;
      if (req.method === 'GET' && name)
        return existing
          ? json(res, 200, existing)
          : error(res, 404, 'OBJECT_NOT_FOUND', `Unable to find property ${name}`);
      if (req.method === 'POST' && !name) {
        const definition = body as unknown as PropertyDefinition;
        if (fake.properties.has(definition.name))
          return error(res, 409, 'OBJECT_ALREADY_EXISTS', 'Property already exists');
        fake.properties.set(definition.name, { ...definition, options: definition.options ?? [] });
        return json(res, 201, fake.properties.get(definition.name));
      }
      if (req.method === 'PATCH' && existing) {
        existing.options = (body as { options?: PropertyDefinition['options'] }).options ?? existing.options;
        return json(res, 200, existing);
      }
    }
    if (req.method === 'GET' && path === '/crm/v3/owners') {
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const after = Number(url.searchParams.get('after') ?? 0);
      const page = fake.owners.slice(after, after + limit);
      const more = after + limit < fake.owners.length;
      return json(res, 200, { results: page, ...(more ? { paging: { next: { after: String(after + limit) } } } : {}) });
    }
    if (req.method === 'GET' && path === '/crm/v3/pipelines/deals')
      return json(res, 200, {
        results: [
          {
            id: 'default',
            label: 'Sales Pipeline',
            stages: [
              { id: 'appointmentscheduled', label: 'Appointment Scheduled', metadata: { isClosed: 'false' } },
              { id: 'contractsent', label: 'Contract Sent', metadata: { isClosed: 'false' } },
              { id: 'closedwon', label: 'Closed Won', metadata: { isClosed: 'true' } },
              { id: 'closedlost', label: 'Closed Lost', metadata: { isClosed: 'true' } },
            ],
          },
        ],
      });
    error(res, 404, 'OBJECT_NOT_FOUND', `no route ${req.method} ${path}`);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, 'INTERNAL_ERROR', (e as Error).message));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  fake.url = `http://127.0.0.1:${port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
