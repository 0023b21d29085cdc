import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  isSafeExternalUrl,
} from '../../../../../electron/main/security/navigationPolicy';
import { APP_TRUSTED_ORIGIN, isTrustedUrl, originOf } from '../../../../../electron/main/security/trustedOrigins';

const PACKAGED = [APP_TRUSTED_ORIGIN];
const DEV = [APP_TRUSTED_ORIGIN, originOf('http://localhost:5173/')];

/** URLs that must never count as Duet. */
const HOSTILE: unknown[] = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'file:///etc/passwd',
  'file://C:/Windows/System32/',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://duet/1234',
  'about:blank',
  'app://evil/',
  'app://duet.evil.com/',
  'app://duet:8080/',
  'app://duet@evil/',
  'app://evil@duet/',
  'app://user:pass@duet/',
  'app:/duet/index.html',
  'app:duet',
  'app:\\\\duet\\index.html',
  'app://DUET/',
  'app://duet./',
  'app://%64uet/',
  'https://duet/',
  'http://duet/',
  'http://localhost:5173/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:app://duet/',
  `app://duet/${'a'.repeat(70_000)}`,
  '',
  '   ',
  'not a url',
  null,
  undefined,
  42,
  {},
  { toString: () => 'app://duet/' },
  ['app://duet/'],
  new URL('app://duet/'),
];

describe('the app window cannot be navigated or redirected away from Duet', () => {
  it('allows pages of Duet itself', () => {
    expect(decideNavigation('app://duet/', PACKAGED)).toBe('allow');
    expect(decideNavigation('app://duet/index.html#/playbooks/abc', PACKAGED)).toBe('allow');
    expect(decideNavigation('app://duet/playbooks/abc?x=1', PACKAGED)).toBe('allow');
  });

  it.each(HOSTILE.map((url) => [url]))('denies %s', (url) => {
    expect(decideNavigation(url, PACKAGED)).toBe('deny');
  });

  it('denies ordinary websites', () => {
    for (const url of ['https://example.com/', 'http://example.com/', 'https://duet.app/', 'mailto:a@b.c']) {
      expect(decideNavigation(url, PACKAGED)).toBe('deny');
    }
  });

  it('allows the dev server only in development, and only exactly its origin', () => {
    expect(decideNavigation('http://localhost:5173/src/main.tsx', DEV)).toBe('allow');
    expect(decideNavigation('http://localhost:5173/', PACKAGED)).toBe('deny');
    for (const lookalike of [
      'http://localhost:5174/',
      'http://localhost:51730/',
      'https://localhost:5173/',
      'http://localhost.evil.com:5173/',
      'http://localhost:5173.evil.com/',
      'http://127.0.0.1:5173/',
      'http://evil@localhost:5173/',
      'ws://localhost:5173/',
    ]) {
      expect(decideNavigation(lookalike, DEV)).toBe('deny');
    }
  });
});

describe('links the page opens in a new window go to the browser only when safe', () => {
  it('never opens a new Duet window', () => {
    for (const url of ['app://duet/', 'https://example.com/', 'about:blank', ...HOSTILE]) {
      expect(decideWindowOpen(url, PACKAGED).action).toBe('deny');
    }
  });

  it('hands http, https and mailto links to the operating system', () => {
    expect(decideWindowOpen('https://example.com/pricing', PACKAGED)).toEqual({
      action: 'deny',
      openExternal: 'https://example.com/pricing',
    });
    expect(decideWindowOpen('http://example.com/', PACKAGED).openExternal).toBe('http://example.com/');
    expect(decideWindowOpen('mailto:sales@example.com', PACKAGED).openExternal).toBe('mailto:sales@example.com');
  });

  it.each(HOSTILE.filter((u) => !(typeof u === 'string' && /^https?:/.test(u))).map((url) => [url]))(
    'opens nothing for %s',
    (url) => {
      expect(decideWindowOpen(url, PACKAGED).openExternal).toBeUndefined();
    },
  );

  it('does not send the dev server to the browser', () => {
    expect(decideWindowOpen('http://localhost:5173/', DEV).openExternal).toBeUndefined();
  });

  it('refuses URLs longer than a sane link', () => {
    expect(decideWindowOpen(`https://example.com/${'a'.repeat(5000)}`, PACKAGED).openExternal).toBeUndefined();
  });

  it('uses the same rule as the editor for what counts as a safe link', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('ftp://example.com')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('ms-msdt:/id PCWDiagnostic')).toBe(false);
    expect(isSafeExternalUrl('https://')).toBe(false);
  });
});

describe('trusted origins', () => {
  it('reads an origin from a dev server URL and refuses non-URLs', () => {
    expect(originOf('http://localhost:5173/')).toEqual({ protocol: 'http:', host: 'localhost:5173' });
    expect(() => originOf('not a url')).toThrow();
    expect(() => originOf('mailto:a@b.c')).toThrow();
  });

  it('matches scheme and host exactly', () => {
    expect(isTrustedUrl('app://duet/x', PACKAGED)).toBe(true);
    expect(isTrustedUrl('app://duet/x', [])).toBe(false);
  });
});
