import { describe, expect, it } from 'vitest';
import { quickSettings } from '../../../../shared/domain/quickSettings';
import { coerceSettings, DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../../shared/domain/settings';
import { createPrng } from '../../server/helpers/prng';

const valid: Settings = {
  displayName: 'Ana',
  role: 'sales',
  workspaces: [
    { id: 'acme', name: 'Acme', server: { url: 'wss://sync.example.com/duet' } },
    { id: 'sample', name: 'Sample', sample: true },
  ],
  activeWorkspaceId: 'acme',
  recentPlaybooks: [{ workspaceId: 'acme', playbookId: 'p1' }],
  windowBounds: { x: -1200, y: 40, width: 1280, height: 800, maximized: true },
  host: { port: 4455, shareOnNetwork: true },
  notifyDecisions: true,
  theme: 'dark',
  recentFiles: ['/home/ana/Acme.duet'],
};

/** Values each field may hold in a stored file: valid, at a limit, just past it, of another type, with extras. */
const CANDIDATES: Record<keyof Settings, unknown[]> = {
  displayName: ['', 'Ana', 'x'.repeat(80), 'x'.repeat(81), 7, null, ['Ana']],
  role: ['storyteller', 'viewer', 'admin', 'Sales', '', 1, null],
  workspaces: [
    [],
    valid.workspaces,
    [{ id: 'a', name: 'A', sample: undefined }],
    [{ id: 'a', name: '' }],
    [{ id: 'a/b', name: 'A' }],
    [{ id: 'a', name: 'n'.repeat(120) }],
    [{ id: 'a', name: 'n'.repeat(121) }],
    [{ id: 'a', name: 'A', sample: 'yes' }],
    [{ id: 'a', name: 'A', colour: 'red' }],
    [{ id: 'a', name: 'A', server: { url: 'ftp://x' } }],
    [{ id: 'a', name: 'A', server: { url: 'ws://user@host' } }],
    [{ id: 'a', name: 'A', server: { url: `ws://h/${'p'.repeat(495)}` } }],
    [{ id: 'a', name: 'A', server: { url: 'ws://h', token: 'secret' } }],
    Array.from({ length: 200 }, (_, i) => ({ id: `w${i}`, name: `W${i}` })),
    Array.from({ length: 201 }, (_, i) => ({ id: `w${i}`, name: `W${i}` })),
    // eslint-disable-next-line no-sparse-arrays -- a hole must be refused like the schema refuses it
    [, { id: 'a', name: 'A' }],
    [null],
    { 0: { id: 'a', name: 'A' } },
    'acme',
  ],
  activeWorkspaceId: [null, 'acme', 'x'.repeat(64), 'x'.repeat(65), '', 'a b', 3],
  recentPlaybooks: [
    [],
    valid.recentPlaybooks,
    [{ workspaceId: 'a', playbookId: 'p' }],
    [{ workspaceId: 'a', playbookId: 'p', at: 1 }],
    [{ workspaceId: 'a' }],
    Array.from({ length: 20 }, (_, i) => ({ workspaceId: 'a', playbookId: `p${i}` })),
    Array.from({ length: 21 }, (_, i) => ({ workspaceId: 'a', playbookId: `p${i}` })),
  ],
  windowBounds: [
    null,
    valid.windowBounds,
    { x: 0, y: 0, width: 200, height: 20000 },
    { x: 0, y: 0, width: 199, height: 800 },
    { x: 0, y: 0, width: 20001, height: 800 },
    { x: 0.5, y: 0, width: 800, height: 800 },
    { x: Number.MAX_SAFE_INTEGER + 1, y: 0, width: 800, height: 800 },
    { x: Number.NaN, y: 0, width: 800, height: 800 },
    { x: 0, y: 0, width: 800, height: 800, maximized: 1 },
    { x: 0, y: 0, width: 800, height: 800, screen: 2 },
    { x: 0, y: 0, width: 800 },
    [0, 0, 800, 800],
  ],
  host: [
    null,
    { port: 1024, shareOnNetwork: false },
    { port: 65535, shareOnNetwork: true },
    { port: 80, shareOnNetwork: false },
    { port: 65536, shareOnNetwork: false },
    { port: '4455', shareOnNetwork: false },
    { port: 4455 },
    { port: 4455, shareOnNetwork: false, pid: 1 },
    'yes',
  ],
  notifyDecisions: [true, false, 'true', 0, null],
  theme: ['system', 'light', 'dark', 'sepia', '', null],
  recentFiles: [
    [],
    ['/a.duet'],
    [''],
    ['p'.repeat(4096)],
    ['p'.repeat(4097)],
    Array.from({ length: 10 }, (_, i) => `/f${i}.duet`),
    Array.from({ length: 11 }, (_, i) => `/f${i}.duet`),
    [7],
  ],
};

/** Stored settings built from the candidates: each field left out, valid or replaced by a candidate. */
function storedVariant(next: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CANDIDATES) as (keyof Settings)[]) {
    const roll = next();
    if (roll < 0.15) continue;
    if (roll < 0.75) out[key] = valid[key];
    else {
      const options = CANDIDATES[key];
      out[key] = options[Math.floor(next() * options.length)];
    }
  }
  if (next() < 0.2) out.legacyField = { anything: true };
  return out;
}

describe('reading stored settings without the schema', () => {
  it('knows every field of the schema', () => {
    expect(Object.keys(CANDIDATES).sort()).toEqual(Object.keys(settingsSchema.shape).sort());
    expect(quickSettings({ ...valid })).not.toBeNull();
  });

  it('reads what the app writes, as the schema does', () => {
    for (const stored of [valid, DEFAULT_SETTINGS, coerceSettings({ displayName: 'Bo', theme: 'light' })]) {
      const text = JSON.stringify(stored);
      expect(quickSettings(JSON.parse(text))).toEqual(coerceSettings(JSON.parse(text)));
    }
  });

  it('gives a field left out its default, like an older version’s file read by the schema', () => {
    const older = { displayName: 'Bench', role: 'storyteller', workspaces: [], activeWorkspaceId: null };
    expect(quickSettings(older)).toEqual(coerceSettings(older));
    expect(quickSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('does not share default lists between results', () => {
    const a = quickSettings({})!;
    a.workspaces.push({ id: 'x', name: 'X' });
    expect(quickSettings({})!.workspaces).toEqual([]);
    expect(DEFAULT_SETTINGS.workspaces).toEqual([]);
  });

  it('leaves to the schema anything it would repair or drop', () => {
    expect(quickSettings({ ...valid, theme: 'sepia' })).toBeNull();
    expect(quickSettings({ ...valid, host: { port: 4455, shareOnNetwork: true, pid: 1 } })).toBeNull();
    expect(quickSettings(JSON.parse('{"workspaces":[{"id":"a","name":"A","__proto__":{"x":1}}]}'))).toBeNull();
    expect(quickSettings(null)).toBeNull();
    expect(quickSettings('settings')).toBeNull();
  });

  it('reads each field as the schema does, at its limits and past them', () => {
    for (const key of Object.keys(CANDIDATES) as (keyof Settings)[]) {
      for (const candidate of CANDIDATES[key]) {
        const stored = { ...valid, [key]: candidate };
        const quick = quickSettings(stored);
        if (quick !== null) expect(quick, `${key}: ${JSON.stringify(candidate)}`).toEqual(coerceSettings(stored));
      }
    }
  });

  it('never reads a stored file differently from the schema (5,000 near-valid files)', () => {
    const next = createPrng(16).next; // seeded: a failure can be reproduced
    let read = 0;
    for (let i = 0; i < 5000; i++) {
      const stored = storedVariant(next);
      const quick = quickSettings(stored);
      if (quick === null) continue;
      read++;
      expect(quick, JSON.stringify(stored)).toEqual(coerceSettings(stored));
    }
    // The comparison means something only if many files were read without the schema.
    expect(read).toBeGreaterThan(500);
  });
});
