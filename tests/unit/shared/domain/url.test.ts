import { describe, expect, it } from 'vitest';
import { isSafeLinkUrl, MAX_URL_LENGTH, normalizeLinkInput } from '../../../../shared/domain/url';

describe('which links can be followed', () => {
  it.each([
    'https://example.com',
    'http://example.com/pricing?plan=team#faq',
    'HTTPS://EXAMPLE.COM/',
    'https://例え.jp/パス',
    'http://[::1]:8080/',
    'mailto:ana@example.com',
    'mailto:ana@example.com?subject=Pitch%20review',
  ])('allows %j', (url) => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it.each([
    ['a script link', 'javascript:alert(1)'],
    ['a script link in mixed case', 'JaVaScRiPt:alert(1)'],
    ['a script link behind a comment', 'javascript://%0Aalert(1)'],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a newline inside the scheme', 'java\nscript:alert(1)'],
    ['a carriage return inside the scheme', 'javascript\r:alert(1)'],
    ['a leading space', ' javascript:alert(1)'],
    ['a leading NUL', '\u0000javascript:alert(1)'],
    ['a leading control character before https', '\u0001https://example.com'],
    ['a tab inside an https host', 'https://exa\tmple.com'],
    ['a DEL character', 'https://example.com/\u007f'],
    ['a trailing newline', 'https://example.com\n'],
    ['a leading non-breaking space', '\u00a0https://example.com'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['a base64 data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['a file URL', 'file:///etc/passwd'],
    ['a Windows file URL', 'file://C:/Windows/System32/calc.exe'],
    ['a VBScript link', 'vbscript:msgbox(1)'],
    ['a blob URL', 'blob:https://example.com/7f3c'],
    ['an FTP link', 'ftp://example.com/file'],
    ['an OS protocol handler', 'ms-msdt:/id PCWDiagnostic'],
    ['a custom app scheme', 'duet://settings'],
    ['a protocol-relative link', '//evil.com'],
    ['a path', '/etc/passwd'],
    ['a bare word', 'example'],
    ['an https URL without a host', 'https://'],
    ['an empty string', ''],
    ['a number', 42],
    ['null', null],
    ['an object pretending to be a URL', { toString: () => 'https://example.com' }],
  ])('refuses %s', (_label, url) => {
    expect(isSafeLinkUrl(url)).toBe(false);
  });

  it('refuses URLs longer than the limit, and accepts one exactly at it', () => {
    const base = 'https://example.com/';
    expect(isSafeLinkUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length))).toBe(true);
    expect(isSafeLinkUrl(base + 'a'.repeat(MAX_URL_LENGTH - base.length + 1))).toBe(false);
    expect(isSafeLinkUrl(base + 'a'.repeat(1_000_000))).toBe(false);
  });
});

describe('turning what a user typed into a link', () => {
  it.each([
    ['example.com', 'https://example.com'],
    ['  www.example.com/path?q=1  ', 'https://www.example.com/path?q=1'],
    ['https://example.com', 'https://example.com'],
    ['http://example.com', 'http://example.com'],
    ['ana@example.com', 'mailto:ana@example.com'],
    ['mailto:ana@example.com', 'mailto:ana@example.com'],
    ['1.2.3.4', 'https://1.2.3.4'],
  ])('%j becomes %j', (typed, link) => {
    expect(normalizeLinkInput(typed)).toBe(link);
  });

  it.each([
    ['a script link', 'javascript:alert(1)'],
    ['a script link in mixed case, padded', '  JaVaScRiPt:alert(1)  '],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a data URL', 'data:text/html,hi'],
    ['a file URL', 'file:///etc/passwd'],
    ['a VBScript link', 'vbscript:msgbox(1)'],
    ['a blob URL', 'blob:https://example.com/7f3c'],
    ['a protocol-relative link', '//evil.com'],
    ['a UNC path', '\\\\evil.com\\share'],
    ['an absolute path', '/etc/passwd'],
    ['a host with a space', 'exa mple.com'],
    ['only spaces', '   '],
    ['nothing', ''],
    ['an over-long domain', `${'a'.repeat(MAX_URL_LENGTH)}.com`],
  ])('refuses %s', (_label, typed) => {
    expect(normalizeLinkInput(typed)).toBeNull();
  });

  it('whatever it returns is itself a safe link', () => {
    const inputs = [
      'example.com',
      'ana@example.com',
      '//evil.com',
      'javascript:x',
      'a@b',
      'x.y/z',
      'https:evil.com',
      ' \t ',
    ];
    for (const input of inputs) {
      const link = normalizeLinkInput(input);
      if (link !== null) expect(isSafeLinkUrl(link), input).toBe(true);
    }
  });
});
