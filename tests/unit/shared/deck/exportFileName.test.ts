import { describe, expect, it } from 'vitest';
import { MAX_EXPORT_BASE_LENGTH, sanitizeExportFileName } from '@shared/deck/exportFileName';

describe('file names made from titles', () => {
  it('keeps an ordinary title readable', () => {
    expect(sanitizeExportFileName('Fernway for Acme - Q3', 'pptx')).toBe('Fernway for Acme - Q3.pptx');
  });

  it('never yields a path: separators and traversal become plain characters', () => {
    expect(sanitizeExportFileName('../../etc/passwd', 'md')).toBe('etc-passwd.md');
    expect(sanitizeExportFileName('..\\..\\Windows\\win.ini', 'pdf')).toBe('Windows-win.ini.pdf');
    expect(sanitizeExportFileName('/abs/path', 'pptx')).toBe('abs-path.pptx');
    expect(sanitizeExportFileName('a/../../b', 'pptx')).not.toMatch(/[/\\]/);
  });

  it('prefixes Windows device names, with or without an extension', () => {
    expect(sanitizeExportFileName('CON', 'pptx')).toBe('_CON.pptx');
    expect(sanitizeExportFileName('lpt1.txt', 'md')).toBe('_lpt1.txt.md');
    expect(sanitizeExportFileName('nul', 'pdf')).toBe('_nul.pdf');
  });

  it('removes control and bidi characters, hidden-file dots and trailing dots', () => {
    expect(sanitizeExportFileName('Deck\u0000\u202egnp.exe', 'pptx')).toBe('Deck--gnp.exe.pptx');
    expect(sanitizeExportFileName('.hidden', 'md')).toBe('hidden.md');
    expect(sanitizeExportFileName('Title. . .', 'md')).toBe('Title.md');
    expect(sanitizeExportFileName('line\nbreak\ttab', 'md')).toBe('line break tab.md');
  });

  it('keeps unicode (NFC) and never cuts a character in half when shortening', () => {
    expect(sanitizeExportFileName('Cafe\u0301 Düsseldorf 東京', 'pdf')).toBe('Café Düsseldorf 東京.pdf');
    const long = sanitizeExportFileName('😀'.repeat(80), 'pptx');
    expect(long.length).toBeLessThanOrEqual(MAX_EXPORT_BASE_LENGTH + 5);
    expect(long).toBe(`${'😀'.repeat(50)}.pptx`);
  });

  it('falls back when nothing is left, and does not double the extension', () => {
    expect(sanitizeExportFileName('', 'pptx')).toBe('Deck.pptx');
    expect(sanitizeExportFileName('...', 'md')).toBe('Deck.md');
    expect(sanitizeExportFileName(42, 'md')).toBe('Deck.md');
    expect(sanitizeExportFileName('Deck.PPTX', 'pptx')).toBe('Deck.pptx');
  });
});
