import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { LocalProvider } from '../../../../renderer/collab/LocalProvider';

function storedText(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('opening a stored playbook', () => {
  it('puts the stored content into the document when the editor connects, then joins the network', () => {
    const doc = new Y.Doc();
    const network = { awareness: new Awareness(doc), connect: vi.fn() };
    const provider = new LocalProvider(doc, storedText('hello'), network);
    const synced = vi.fn();
    provider.on('sync', synced);
    expect(doc.getText('t').toString()).toBe(''); // nothing before the binding exists
    provider.connect();
    expect(doc.getText('t').toString()).toBe('hello');
    expect(network.connect).toHaveBeenCalledTimes(1);
    expect(synced).toHaveBeenCalledWith(true);
  });

  it('unreadable stored bytes are reported, and neither the network nor "synced" follows', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = new Y.Doc();
    const network = { awareness: new Awareness(doc), connect: vi.fn() };
    const provider = new LocalProvider(doc, new Uint8Array([1, 200, 3, 4, 5, 6, 7]), network);
    const failed = vi.fn();
    const synced = vi.fn();
    provider.on('load-error', failed);
    provider.on('sync', synced);
    provider.connect();
    expect(failed).toHaveBeenCalledTimes(1);
    expect(provider.loadError).toBeInstanceOf(Error);
    expect(network.connect).not.toHaveBeenCalled();
    expect(synced).not.toHaveBeenCalled();
    provider.connect(); // a second connect (React re-mount) stays refused
    expect(network.connect).not.toHaveBeenCalled();
  });

  it('an update that depends on missing changes counts as unreadable too', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const source = new Y.Doc();
    source.getText('t').insert(0, 'first');
    const before = Y.encodeStateVector(source);
    source.getText('t').insert(5, ' second');
    const onlyTheSecond = Y.encodeStateAsUpdate(source, before);
    const provider = new LocalProvider(new Y.Doc(), onlyTheSecond);
    provider.connect();
    expect(provider.loadError?.message).toContain('missing');
  });
});
