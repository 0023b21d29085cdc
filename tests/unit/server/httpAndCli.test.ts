// The operator's view: the exact command-line forms, /healthz and /metrics, the web build served with the
// renderer's CSP and no path traversal, every content kind the editor produces stored intact, and a clean
// SIGTERM that leaves everything stored (and compacted).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '@shared/security/csp';
import { openClient, readStoredDoc, waitUntil } from './helpers/clients';
import { buildServerOnce, invite, runCli, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

let server: ServerProcess;
let data: string;
let token: string;
let web: string;

beforeAll(async () => {
  buildServerOnce();
  data = tempDataDir();
  web = join(tempDataDir(), 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Duet</title>');
  writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(web, '..', 'secret.txt'), 'outside the web root');
  token = invite(data, 'acme', 'Stella', 'storyteller');
  server = await startServer(data, 0, ['--web', web]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('sync server as an operator sees it', () => {
  it('invite prints the token on its last line; members lists it', () => {
    const lines = runCli(['invite', '--data', data, '--workspace', 'acme', '--name', 'rep-1', '--role', 'sales']);
    expect(lines.at(-1)).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(runCli(['members', '--data', data]).join('\n')).toMatch(/acme\tsales\tactive\t.*\trep-1/);
    expect(() => runCli(['invite', '--data', data, '--workspace', 'acme', '--name', 'x', '--role', 'admin'])).toThrow();
  });

  it('answers /healthz and /metrics', async () => {
    const health = await fetch(`${server.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    const metrics = await (await fetch(`${server.httpUrl}/metrics`)).text();
    for (const name of [
      'duet_connections',
      'duet_loaded_docs',
      'duet_updates_stored_total',
      'duet_updates_relayed_total',
      'duet_rejected_messages_total',
    ]) {
      expect(metrics).toContain(`# TYPE ${name} `);
    }
  });

  it('serves the web build with the renderer CSP and refuses traversal', async () => {
    const index = await fetch(`${server.httpUrl}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(await index.text()).toContain('<title>Duet</title>');
    expect((await fetch(`${server.httpUrl}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.httpUrl}/nope.js`)).status).toBe(404);
    for (const path of ['/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%00']) {
      const res = await fetch(`${server.httpUrl}${path}`);
      expect([400, 403, 404], path).toContain(res.status);
      expect(await res.text()).not.toContain('outside the web root');
    }
  });

  it('stores every content kind the editor produces, intact', async () => {
    const doc = new Y.Doc();
    const client = openClient(server.url, 'acme/playbook/kinds', token, doc);
    doc.transact(() => {
      const root = doc.getXmlFragment('lexical');
      const element = new Y.XmlElement('narrative');
      element.setAttribute('status', 'draft');
      root.insert(0, [element, new Y.XmlText('body')]);
      const text = doc.getText('root');
      text.insert(0, 'bold', { bold: true });
      text.insertEmbed(4, { image: 'x.png' });
      text.format(0, 2, { italic: true });
      const map = doc.getMap('meta');
      map.set('any', { n: 1.5, big: 2 ** 40, neg: -7, list: [true, false, null, 'x'], bytes: new Uint8Array([1, 2]) });
      map.set('binary', new Uint8Array([9, 8, 7]));
      doc.getArray('list').insert(0, [1, 'two', { three: 3 }]);
      text.delete(1, 1);
    });
    await waitUntil(
      () => client.saved(),
      5_000,
      () => 'not saved',
    );
    client.destroy();
    const stored = await readStoredDoc(server.url, 'acme/playbook/kinds', token);
    expect(Y.encodeStateAsUpdate(stored)).toEqual(Y.encodeStateAsUpdate(doc));
    expect(stored.getText('root').toDelta()).toEqual(doc.getText('root').toDelta());
  });

  it('shuts down cleanly on SIGTERM with everything stored, and compacts the log', async () => {
    const doc = new Y.Doc();
    const client = openClient(server.url, 'acme/playbook/shutdown', token, doc);
    for (let i = 0; i < 50; i++) doc.getText('root').insert(0, `${i},`);
    await waitUntil(
      () => client.saved(),
      5_000,
      () => 'not saved',
    );
    expect(await server.stop('SIGTERM')).toBe(0);
    client.destroy();
    const db = new DatabaseSync(join(data, 'duet.sqlite'), { readOnly: true });
    const rows = db.prepare('SELECT data FROM updates WHERE doc = ?').all('acme/playbook/shutdown');
    db.close();
    expect(rows.length).toBe(1); // merged into one row when the doc unloaded
    const stored = new Y.Doc();
    Y.applyUpdate(stored, rows[0]?.data as Uint8Array);
    expect(stored.getText('root').toString()).toBe(doc.getText('root').toString());
    server = await startServer(data, server.port);
    expect((await readStoredDoc(server.url, 'acme/playbook/shutdown', token)).getText('root').toString()).toBe(
      doc.getText('root').toString(),
    );
  });
});
