import { describe, expect, it, vi } from 'vitest';
import { saveExportFile, type SaveExportDeps } from '../../../../../electron/main/deck/saveExportFile';
import {
  isPrintRequestAllowed,
  printDeckToPdf,
  printWindowOptions,
} from '../../../../../electron/main/deck/printDeckToPdf';
import { renderDeckHtml } from '@shared/deck/deckHtml';
import { layoutDeck } from '@shared/deck/layoutDeck';
import { DEFAULT_BRAND } from '@shared/collab/brand';
import { deckSpec, narrative } from '../../../renderer/features/deck/deckFixtures';

function setup(filePath: string | undefined, existing: string[] = []) {
  const written: string[] = [];
  const showSaveDialog = vi.fn(async (_options: unknown) => ({ canceled: filePath === undefined, filePath }));
  const deps: SaveExportDeps = {
    showSaveDialog,
    defaultDirectory: '/home/u/Documents',
    fs: {
      open: vi.fn(async (path: string) => {
        written.push(path);
        return { writeFile: async () => {}, sync: async () => {}, close: async () => {} };
      }),
      rename: vi.fn(async (_from: string, to: string) => void written.push(`→${to}`)),
      unlink: vi.fn(async () => {}),
      access: vi.fn(async (path: string) => {
        if (!existing.includes(path)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      }),
    },
  };
  return { deps, showSaveDialog, written };
}

describe('saving an exported deck', () => {
  it('suggests a sanitised name inside the starting folder and writes only the chosen path', async () => {
    const { deps, showSaveDialog, written } = setup('/home/u/Decks/Acme.pptx');
    const result = await saveExportFile(deps, new Uint8Array([1]), '../../etc/cron.d/evil', 'pptx');
    expect(result).toEqual({ ok: true, value: { path: '/home/u/Decks/Acme.pptx' } });
    expect(showSaveDialog.mock.calls[0]![0]).toMatchObject({ defaultPath: '/home/u/Documents/etc-cron.d-evil.pptx' });
    expect(written.every((p) => p.replace('→', '').startsWith('/home/u/Decks/'))).toBe(true);
    expect(written.at(-1)).toBe('→/home/u/Decks/Acme.pptx');
  });

  it('adds a missing extension but never overwrites a file the user did not confirm', async () => {
    expect(await saveExportFile(setup('/d/Notes').deps, new Uint8Array([1]), 'x', 'md')).toEqual({
      ok: true,
      value: { path: '/d/Notes.md' },
    });
    const taken = await saveExportFile(setup('/d/Notes', ['/d/Notes.md']).deps, new Uint8Array([1]), 'x', 'md');
    expect(taken.ok).toBe(false);
  });

  it('cancel is not an error; bad arguments are refused before any dialog', async () => {
    expect(await saveExportFile(setup(undefined).deps, new Uint8Array([1]), 'x', 'pdf')).toEqual({
      ok: true,
      value: null,
    });
    const { deps, showSaveDialog } = setup('/d/x.exe');
    expect((await saveExportFile(deps, new Uint8Array([1]), 'x', 'exe')).ok).toBe(false);
    expect((await saveExportFile(deps, 'bytes', 'x', 'pdf')).ok).toBe(false);
    expect((await saveExportFile(deps, new Uint8Array([1]), null, 'pdf')).ok).toBe(false);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('printing a deck to PDF', () => {
  const layout = layoutDeck({
    spec: deckSpec(['a']),
    narratives: new Map([['a', narrative('a', { title: '<script>x</script>' })]]),
    theme: DEFAULT_BRAND,
    evidence: () => null,
  });

  it('loads the print layout as a data: URL in a locked-down window, prints it and saves the PDF', async () => {
    const loaded: string[] = [];
    const win = {
      loadURL: vi.fn(async (url: string) => void loaded.push(url)),
      webContents: { printToPDF: vi.fn(async () => new Uint8Array([37, 80, 68, 70])) },
      destroy: vi.fn(),
      isDestroyed: () => false,
    };
    const save = vi.fn(async (_bytes: Uint8Array, name: string) => ({
      ok: true as const,
      value: { path: `/d/${name}.pdf` },
    }));
    const result = await printDeckToPdf(
      { createPrintWindow: () => win, save },
      renderDeckHtml(layout, 'print'),
      'Deck',
    );
    expect(result).toEqual({ ok: true, value: { path: '/d/Deck.pdf' } });
    expect(loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    const html = Buffer.from(loaded[0]!.split(',')[1]!, 'base64').toString('utf8');
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(win.destroy).toHaveBeenCalled();
    expect(save.mock.calls[0]![0]).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it('refuses markup that is not slides without opening a window', async () => {
    const createPrintWindow = vi.fn();
    const result = await printDeckToPdf(
      { createPrintWindow, save: vi.fn() },
      { css: '', bodyHtml: '<iframe src="file:///etc/passwd">' },
      'x',
    );
    expect(result.ok).toBe(false);
    expect(createPrintWindow).not.toHaveBeenCalled();
  });

  it('the print window runs no script, no Node, in an in-memory session that only loads data: URLs', () => {
    expect(printWindowOptions()).toMatchObject({
      show: false,
      webPreferences: {
        javascript: false,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        partition: expect.not.stringMatching(/^persist:/),
      },
    });
    expect(printWindowOptions().webPreferences).not.toHaveProperty('preload');
    expect(isPrintRequestAllowed('data:text/html;base64,AA')).toBe(true);
    for (const url of ['file:///etc/passwd', 'https://example.com/', 'app://duet/index.html', 'http://127.0.0.1/']) {
      expect(isPrintRequestAllowed(url)).toBe(false);
    }
  });
});
