/**
 * Yjs and Lexical break in confusing ways when two copies are loaded: Yjs warns "Yjs was already imported" and
 * its `instanceof` checks fail across copies, and Lexical nodes from one copy are unknown to an editor from
 * another. These tests walk node_modules itself (not the lockfile) so they see what would actually be loaded.
 */
import {
  mkdtempSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

interface Installed {
  name: string;
  version: string;
  path: string;
}

/** Every installed package under `dir` (a node_modules folder), including nested and scoped ones. */
function installedPackages(dir: string, seen = new Set<string>()): Installed[] {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return [];
  }
  if (seen.has(real)) return [];
  seen.add(real);
  const out: Installed[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const full = join(dir, entry);
    if (!statSync(full, { throwIfNoEntry: false })?.isDirectory()) continue;
    const packageDirs = entry.startsWith('@') ? readdirSync(full).map((child) => join(full, child)) : [full];
    for (const packageDir of packageDirs) {
      const manifest = join(packageDir, 'package.json');
      if (statSync(manifest, { throwIfNoEntry: false })?.isFile()) {
        const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
        if (typeof json.name === 'string') {
          out.push({ name: json.name, version: String(json.version), path: relative(ROOT, packageDir) });
        }
      }
      out.push(...installedPackages(join(packageDir, 'node_modules'), seen));
    }
  }
  return out;
}

const isLexical = (name: string): boolean => name === 'lexical' || name.startsWith('@lexical/');

describe('the installed dependencies', () => {
  const installed = installedPackages(join(ROOT, 'node_modules'));

  it('finds the installed tree at all (so the checks below are not vacuous)', () => {
    expect(installed.length).toBeGreaterThan(50);
    expect(installed.some((p) => p.name === 'vitest')).toBe(true);
  });

  it('has exactly one copy of yjs, and it is Yjs 13', () => {
    const copies = installed.filter((p) => p.name === 'yjs');
    expect(copies.map((p) => p.path)).toEqual(['node_modules/yjs']);
    expect(copies[0]?.version).toMatch(/^13\.\d+\.\d+$/);
  });

  it('has one copy of each Lexical package, all at the same exact version', () => {
    const lexical = installed.filter((p) => isLexical(p.name));
    expect(lexical.map((p) => p.name)).toEqual(
      expect.arrayContaining(['lexical', '@lexical/yjs', '@lexical/headless']),
    );
    const names = lexical.map((p) => p.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const versions = new Set(lexical.map((p) => p.version));
    expect([...versions], lexical.map((p) => `${p.path}@${p.version}`).join(', ')).toHaveLength(1);
    expect([...versions][0]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('the versions installed are the versions package.json pins', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const topLevel = installed.filter((p) => p.path.split('node_modules').length === 2);
    const byName = new Map(topLevel.map((p) => [p.name, p.version]));
    for (const name of ['yjs', 'lexical', '@lexical/yjs']) expect(byName.get(name)).toBe(pkg.devDependencies[name]);
  });
});

describe('the duplicate finder itself', () => {
  it('sees a second copy hidden in a nested or scoped node_modules, or under another folder name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duet-nm-'));
    try {
      const write = (path: string, manifest: object): void => {
        mkdirSync(join(dir, path), { recursive: true });
        writeFileSync(join(dir, path, 'package.json'), JSON.stringify(manifest));
      };
      write('node_modules/yjs', { name: 'yjs', version: '13.6.33' });
      write('node_modules/@scope/thing', { name: '@scope/thing', version: '1.0.0' });
      write('node_modules/@scope/thing/node_modules/yjs', { name: 'yjs', version: '13.5.0' });
      write('node_modules/other/node_modules/yjs-legacy', { name: 'yjs', version: '12.0.0' });
      write('node_modules/other', { name: 'other', version: '1.0.0' });
      const found = installedPackages(join(dir, 'node_modules')).filter((p) => p.name === 'yjs');
      expect(found.map((p) => p.version).sort()).toEqual(['12.0.0', '13.5.0', '13.6.33']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
