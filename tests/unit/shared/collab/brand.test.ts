import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEFAULT_BRAND, MAX_LOGO_BYTES, observeBrand, readBrand, writeBrand } from '@shared/collab/brand';
import { pngLogo } from '../../renderer/features/deck/deckFixtures';

describe('the workspace brand theme', () => {
  it('defaults until the storyteller sets it, and merges edits from two machines', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    expect(readBrand(a)).toEqual(DEFAULT_BRAND);
    expect(writeBrand(a, { primary: '#112233' }).ok).toBe(true);
    expect(writeBrand(b, { headingFont: 'Verdana', logo: pngLogo(100, 50) }).ok).toBe(true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const doc of [a, b]) {
      expect(readBrand(doc)).toMatchObject({
        primary: '#112233',
        headingFont: 'Verdana',
        logo: { width: 100, height: 50 },
      });
    }
  });

  it('refuses invalid colours, fonts and logos without writing anything', () => {
    const doc = new Y.Doc();
    expect(writeBrand(doc, { primary: 'red', accent: '#000000' }).ok).toBe(false);
    expect(writeBrand(doc, { bodyFont: 'Comic Sans' as never }).ok).toBe(false);
    expect(writeBrand(doc, { logo: 'https://evil.example/logo.png' }).ok).toBe(false);
    expect(writeBrand(doc, { logo: 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=' }).ok).toBe(false);
    // A GIF claiming to be a PNG.
    expect(
      writeBrand(doc, {
        logo: `data:image/png;base64,${Buffer.from('GIF89a-----------------------').toString('base64')}`,
      }).ok,
    ).toBe(false);
    const huge = `data:image/png;base64,${Buffer.alloc(MAX_LOGO_BYTES + 10).toString('base64')}`;
    expect(writeBrand(doc, { logo: huge }).ok).toBe(false);
    expect(readBrand(doc)).toEqual(DEFAULT_BRAND);
  });

  it('reads stored garbage from a peer as the default, field by field', () => {
    const doc = new Y.Doc();
    const map = doc.getMap('brand');
    map.set('primary', 'javascript:alert(1)');
    map.set('text', '#ABCDEF');
    map.set('logo', 42);
    expect(readBrand(doc)).toMatchObject({ primary: DEFAULT_BRAND.primary, text: '#abcdef', logo: null });
  });

  it('tells observers about changes and stops when disposed', () => {
    const doc = new Y.Doc();
    const seen: string[] = [];
    const off = observeBrand(doc, (t) => seen.push(t.primary));
    writeBrand(doc, { primary: '#000001' });
    off();
    writeBrand(doc, { primary: '#000002' });
    expect(seen).toEqual([DEFAULT_BRAND.primary, '#000001']);
  });
});
