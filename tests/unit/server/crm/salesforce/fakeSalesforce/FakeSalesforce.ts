/**
 * A local Salesforce org for tests, written from the public REST API reference (no machine here can reach
 * Salesforce): the JWT bearer token endpoint, `query` with `nextRecordsUrl` paging and the real reply shape
 * `{ totalSize, done, nextRecordsUrl, records: [{ attributes: { type, url }, … }] }`, `queryAll` (which also
 * returns records in the recycle bin, `IsDeleted = true`, and whose `nextRecordsUrl` still says `query`, as
 * the reference notes), deleting and undeleting a record (both stamp SystemModstamp), the Opportunity
 * describe, PATCH of a record, error bodies `[{ message, errorCode }]`, `Sforce-Limit-Info` on every REST
 * reply, 401 INVALID_SESSION_ID for expired sessions and 403 REQUEST_LIMIT_EXCEEDED once the allowance is
 * spent. Faults are injected by path. It serves only the subset the connector uses.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { evaluateQuery, QueryProblem, renderRecord, type FakeField, type FakeRecord } from './fakeQuery';
import { verifyJwtBearer, type FakeConnectedApp } from './verifyJwtBearer';

export type { FakeField, FakeRecord } from './fakeQuery';

const DATA = '/services/data/v62.0';

/** A fault to answer instead of the real reply, for requests whose path matches. */
interface Fault {
  match: RegExp;
  status: number;
  errorCode: string;
  message: string;
  times: number;
}

interface Locator {
  rows: Record<string, unknown>[];
  batch: number;
}

/** The fake org. Mutate `records`, `fields`, `apiUsage` and `app` freely between calls. */
export class FakeSalesforce {
  /** Every REST and token request, in order (method, path without query, status). */
  readonly requests: { method: string; path: string; status: number }[] = [];
  readonly apiUsage = { used: 0, max: 15_000 };
  /** How many records all query replies carried so far (a resumed sync must not start over). */
  recordsServed = 0;
  /** Added before every REST reply, so a test can kill a server in the middle of a sync. */
  delayMs = 0;
  /** The clock SystemModstamp is stamped with on PATCH (tests pin it). */
  now: () => number = Date.now;
  private readonly sessions = new Set<string>();
  private readonly locators = new Map<string, Locator>();
  private readonly faults: Fault[] = [];
  private nextLocator = 1;
  url = '';
  private server: Server | null = null;

  constructor(
    readonly app: FakeConnectedApp,
    public records: FakeRecord[],
    public fields: FakeField[],
  ) {}

  /** Listens on a free port of 127.0.0.1; `url` is then the login URL and the instance URL. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    if (this.app.audience === '') this.app.audience = this.url;
    return this;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }

  /** Ends every session, as a session timeout or a "revoke" in Setup does. */
  expireSessions(): void {
    this.sessions.clear();
  }

  /** Drops every query cursor, as Salesforce does after about 15 minutes of inactivity. */
  expireLocators(): void {
    this.locators.clear();
  }

  /** Deletes a record as a user does in Salesforce: to the recycle bin, SystemModstamp stamped. */
  deleteRecord(id: string): void {
    const record = this.records.find((r) => r.Id === id);
    if (!record) throw new Error(`fake Salesforce: no record ${id}`);
    Object.assign(record, { IsDeleted: true, SystemModstamp: this.now() });
  }

  /** Restores a record from the recycle bin (an undelete is a change: SystemModstamp stamped). */
  undeleteRecord(id: string): void {
    const record = this.records.find((r) => r.Id === id);
    if (!record) throw new Error(`fake Salesforce: no record ${id}`);
    Object.assign(record, { IsDeleted: false, SystemModstamp: this.now() });
  }

  /** Answers the next `times` requests whose path (with query) matches with this error. */
  failNext(match: RegExp, status: number, errorCode: string, message: string, times = 1): void {
    this.faults.push({ match, status, errorCode, message, times });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method: req.method ?? '', path: url.pathname, status });
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'Content-Type': 'application/json;charset=UTF-8' }),
        ...headers,
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    if (url.pathname === '/services/oauth2/token' && req.method === 'POST') return this.token(body, send);
    if (!url.pathname.startsWith(`${DATA}/`))
      return send(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !this.sessions.has(bearer)) {
      return send(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    }
    const limit = () => ({ 'Sforce-Limit-Info': `api-usage=${this.apiUsage.used}/${this.apiUsage.max}` });
    if (this.apiUsage.used >= this.apiUsage.max) {
      return send(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], limit());
    }
    this.apiUsage.used++;
    if (this.delayMs > 0) await new Promise((done) => setTimeout(done, this.delayMs));
    const fault = this.faults.find((f) => f.times > 0 && f.match.test(url.pathname + url.search));
    if (fault) {
      fault.times--;
      return send(fault.status, [{ message: fault.message, errorCode: fault.errorCode }], limit());
    }
    const [status, json] = this.route(req.method ?? '', url, body, req.headers['sforce-query-options']);
    return send(status, json, limit());
  }

  private token(body: string, send: (status: number, json: unknown) => void): void {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      return send(400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    }
    const verdict = verifyJwtBearer(form.get('assertion') ?? '', this.app, Date.now());
    if ('error' in verdict) return send(400, verdict);
    const token = `00DFAKE!${randomBytes(24).toString('base64url')}`;
    this.sessions.add(token);
    send(200, {
      access_token: token,
      scope: 'api',
      instance_url: this.url,
      id: `${this.url}/id/00DFAKE000000000AAA/005FAKE000000000AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    });
  }

  private route(method: string, url: URL, body: string, options: string | string[] | undefined): [number, unknown] {
    const path = url.pathname.slice(DATA.length);
    if (method === 'GET' && (path === '/query' || path === '/queryAll')) {
      const batch = Math.min(2000, Math.max(200, Number(/batchSize=(\d+)/.exec(String(options ?? ''))?.[1] ?? 2000)));
      // `query` never sees the recycle bin; `queryAll` does.
      const records = path === '/queryAll' ? this.records : this.records.filter((r) => r.IsDeleted !== true);
      try {
        const rows = evaluateQuery(url.searchParams.get('q') ?? '', records, this.fields);
        return this.queryPage({ rows, batch }, 'L' + this.nextLocator++, 0);
      } catch (error) {
        if (error instanceof QueryProblem) return [400, [{ message: error.message, errorCode: error.errorCode }]];
        throw error;
      }
    }
    const more = /^\/query\/(01g[A-Za-z0-9]+)-(\d+)$/.exec(path);
    if (method === 'GET' && more) {
      const key = more[1] as string;
      const locator = this.locators.get(key);
      if (!locator) return [400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]];
      return this.queryPage(locator, key, Number(more[2]));
    }
    if (method === 'GET' && path === '/sobjects/Opportunity/describe') {
      return [200, { name: 'Opportunity', label: 'Opportunity', fields: this.fields.map(describeField) }];
    }
    const record = /^\/sobjects\/Opportunity\/([A-Za-z0-9]{15,18})$/.exec(path);
    if (method === 'PATCH' && record) return this.patch(record[1] as string, body);
    return [404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]];
  }

  private queryPage(locator: Locator, id: string, offset: number): [number, unknown] {
    const key = id.startsWith('01g') ? id : `01gFAKE${id}`;
    this.locators.set(key, locator);
    const slice = locator.rows.slice(offset, offset + locator.batch);
    const nextOffset = offset + slice.length;
    const done = nextOffset >= locator.rows.length;
    this.recordsServed += slice.length;
    return [
      200,
      {
        totalSize: locator.rows.length,
        done,
        ...(done ? {} : { nextRecordsUrl: `${DATA}/query/${key}-${nextOffset}` }),
        records: slice,
      },
    ];
  }

  private patch(id: string, body: string): [number, unknown] {
    const target = this.records.find((r) => r.Id === id);
    if (!target) return [404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]];
    if (target.IsDeleted === true) return [404, [{ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted' }]];
    const changes = JSON.parse(body) as Record<string, string | null>;
    for (const [name, value] of Object.entries(changes)) {
      const field = this.fields.find((f) => f.name === name);
      if (!field)
        return [
          400,
          [
            {
              errorCode: 'INVALID_FIELD',
              message: `No such column '${name}' on sobject of type Opportunity`,
              fields: [],
            },
          ],
        ];
      if (!field.updateable)
        return [
          400,
          [
            {
              errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
              message: `Unable to create/update fields: ${name}.`,
              fields: [name],
            },
          ],
        ];
      const bad = (value ?? '')
        .split(';')
        .find((v) => v !== '' && field.restrictedPicklist && !field.picklistValues?.includes(v));
      if (bad !== undefined) {
        return [
          400,
          [
            {
              errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
              message: `bad value for restricted picklist field: ${bad}`,
              fields: [name],
            },
          ],
        ];
      }
    }
    Object.assign(target, changes, { SystemModstamp: this.now() });
    return [204, undefined];
  }

  /** One stored record as a query would render every field (for assertions). */
  render(record: FakeRecord): Record<string, unknown> {
    return renderRecord(record, ['Id', 'SystemModstamp']);
  }
}

function describeField(field: FakeField): Record<string, unknown> {
  return {
    name: field.name,
    label: field.name.replace(/__c$/, '').replace(/_/g, ' '),
    type: field.type,
    updateable: field.updateable,
    custom: field.name.endsWith('__c'),
    restrictedPicklist: field.restrictedPicklist ?? false,
    picklistValues: (field.picklistValues ?? []).map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      value,
    })),
  };
}
