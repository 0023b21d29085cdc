import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../../../../electron/main/protocol/contentType';
import { resolveAppRequest } from '../../../../../electron/main/protocol/resolveAppRequest';

const ROOT = resolve('/srv/duet/out/renderer');
const INDEX = join(ROOT, 'index.html');

function served(url: unknown): string | number {
  const result = resolveAppRequest(url, ROOT);
  return result.ok ? result.filePath : result.status;
}

describe('the app protocol never serves a file outside the renderer folder', () => {
  it.each([
    'app://duet/..%2f..%2fetc%2fpasswd',
    'app://duet/assets/..%2F..%2F..%2Fetc%2Fpasswd.js',
    'app://duet/assets%2f..%2f..%2fsecret.js',
    'app://duet/%2e%2e%2f%2e%2e%2fsecret.js',
    'app://duet/assets/%2e%2e%5c%2e%2e%5csecret.js',
    'app://duet/..%5c..%5cwindows%5cwin.ini',
    'app://duet/assets\\..\\..\\secret.js',
    'app://duet/a%00.js',
    'app://duet/index.html%00.png',
    'app://duet/C:%5cWindows%5cwin.ini',
    'app://duet/C:/Windows/win.ini',
    'app://duet/%2fetc%2fpasswd.txt',
    'app://duet/...%2f...%2fsecret.js',
    'app://duet/..%20/secret.js',
    'app://duet/%E0%A4%A.js',
    'app://duet/%.js',
  ])('refuses %s', (url) => {
    expect(served(url)).toBe(403);
  });

  it('resolves raw and encoded dot segments inside the root (the URL parser removes them first)', () => {
    for (const url of [
      'app://duet/../../../etc/passwd.js',
      'app://duet/assets/../../../../etc/passwd.js',
      'app://duet/%2e%2e/%2e%2e/etc/passwd.js',
      'app://duet/%2E%2E/%2e./.%2e/etc/passwd.js',
    ]) {
      const path = served(url);
      expect(typeof path === 'string' && path.startsWith(ROOT + sep)).toBe(true);
    }
  });

  it('decodes exactly once, so a double-encoded dot segment stays a harmless name', () => {
    expect(served('app://duet/%252e%252e/secret.js')).toBe(join(ROOT, '%2e%2e', 'secret.js'));
  });

  it('ignores empty segments instead of reading an absolute path', () => {
    expect(served('app://duet//etc/passwd.js')).toBe(join(ROOT, 'etc', 'passwd.js'));
    expect(served('app://duet///assets//app.js')).toBe(join(ROOT, 'assets', 'app.js'));
  });

  it.each([
    'app://evil/index.html',
    'app://duet.evil.com/index.html',
    'app://duet:8080/index.html',
    'app://user@duet/index.html',
    'app://user:pw@duet/index.html',
    'https://duet/index.html',
    'file:///srv/duet/out/renderer/index.html',
    'app:index.html',
    '/index.html',
    '',
    `app://duet/${'a'.repeat(10_000)}.js`,
  ])('refuses %s (not the app origin)', (url) => {
    expect(served(url)).toBe(403);
  });

  it.each([null, undefined, 42, {}, ['app://duet/']])('refuses a non-string URL %s', (url) => {
    expect(served(url)).toBe(403);
  });

  it('insists on an absolute root (a relative one would depend on the working directory)', () => {
    expect(() => resolveAppRequest('app://duet/', 'out/renderer')).toThrow(/absolute/);
  });
});

describe('the app protocol serves the renderer build', () => {
  it('serves index.html for the root', () => {
    expect(served('app://duet/')).toBe(INDEX);
    expect(served('app://duet')).toBe(INDEX);
    expect(served('app://duet/?x=1#/y')).toBe(INDEX);
  });

  it('serves index.html for client-side routes so a reload keeps working', () => {
    expect(served('app://duet/playbooks/abc')).toBe(INDEX);
    expect(served('app://duet/workspaces/w1/deals/')).toBe(INDEX);
  });

  it('serves assets from their path, ignoring query and hash', () => {
    expect(served('app://duet/assets/index-abc123.js?v=2#x')).toBe(join(ROOT, 'assets', 'index-abc123.js'));
    expect(served('app://duet/assets/My%20Font.woff2')).toBe(join(ROOT, 'assets', 'My Font.woff2'));
  });

  it('labels each file with the type its extension says', () => {
    const typeOf = (url: string) => {
      const result = resolveAppRequest(url, ROOT);
      return result.ok ? result.contentType : null;
    };
    expect(typeOf('app://duet/')).toBe('text/html; charset=utf-8');
    expect(typeOf('app://duet/assets/a.js')).toBe('text/javascript; charset=utf-8');
    expect(typeOf('app://duet/assets/a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(typeOf('app://duet/assets/a.css')).toBe('text/css; charset=utf-8');
    expect(typeOf('app://duet/assets/a.js.map')).toBe('application/json; charset=utf-8');
    expect(typeOf('app://duet/a.svg')).toBe('image/svg+xml');
    expect(typeOf('app://duet/a.woff2')).toBe('font/woff2');
    expect(typeOf('app://duet/a.wasm')).toBe('application/wasm');
    expect(typeOf('app://duet/a.unknownext')).toBe('application/octet-stream');
    expect(contentTypeFor('README')).toBe('application/octet-stream');
  });
});
