import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '@shared/security/csp';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../../../electron/main/protocol/appProtocol';

let base: string;
let root: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'duet-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Duet</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log("duet")');
  await writeFile(join(base, 'secret.js'), 'stolen');
  handle = createAppProtocolHandler({ rootDir: root, readFile: (path) => readFile(path) });
});
afterAll(() => rm(base, { recursive: true, force: true }));
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

const get = (url: string, method = 'GET') => handle({ url, method });

function expectSecurityHeaders(response: Response): void {
  expect(response.headers.get('Content-Security-Policy')).toBe(RENDERER_CSP);
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
}

describe('the renderer is served from app://duet with its security policy', () => {
  it('is registered as a standard, secure scheme without CORS, whose compiled scripts V8 keeps between starts', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
        codeCache: true,
      },
    });
  });

  it('serves the page with the CSP and nosniff headers', async () => {
    const response = await get('app://duet/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expectSecurityHeaders(response);
    expect(await response.text()).toContain('<title>Duet</title>');
  });

  it('serves scripts with a script type', async () => {
    const response = await get('app://duet/assets/app.js');
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("duet")');
  });

  it('answers a missing asset with 404, still carrying the policy', async () => {
    const response = await get('app://duet/assets/missing.js');
    expect(response.status).toBe(404);
    expectSecurityHeaders(response);
  });

  it('answers a client-side route with the page', async () => {
    const response = await get('app://duet/playbooks/p1');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Duet');
  });

  it('refuses traversal with 403 and never returns the file next to the build', async () => {
    for (const url of ['app://duet/..%2fsecret.js', 'app://duet/assets/..%5c..%5csecret.js', 'app://evil/secret.js']) {
      const response = await get(url);
      expect(response.status).toBe(403);
      expectSecurityHeaders(response);
      expect(await response.text()).not.toContain('stolen');
    }
    const normalized = await get('app://duet/../secret.js');
    expect(normalized.status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('app://duet/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://duet/', 'POST')).status).toBe(405);
  });

  it('answers 500 for a disk error and reports it', async () => {
    const failing = createAppProtocolHandler({
      rootDir: root,
      readFile: () => Promise.reject(Object.assign(new Error('EIO: i/o error'), { code: 'EIO' })),
    });
    const response = await failing({ url: 'app://duet/', method: 'GET' });
    expect(response.status).toBe(500);
    expectSecurityHeaders(response);
    expect(console.error).toHaveBeenCalled();
  });

  it('lets a bug in the reader surface instead of turning it into a 404', async () => {
    const buggy = createAppProtocolHandler({ rootDir: root, readFile: () => Promise.reject(new TypeError('bug')) });
    await expect(buggy({ url: 'app://duet/', method: 'GET' })).rejects.toThrow('bug');
  });
});
