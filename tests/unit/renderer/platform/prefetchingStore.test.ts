import { describe, expect, it } from 'vitest';
import { ok, type Result } from '../../../../shared/result';
import type { DocStore, LoadedDoc } from '../../../../renderer/platform/DocStore';
import { prefetchingStore } from '../../../../renderer/platform/prefetchingStore';

function countingStore() {
  const calls: string[] = [];
  let version = 0;
  const store: DocStore = {
    async load(docName, options): Promise<Result<LoadedDoc>> {
      calls.push(`load ${docName} ${options?.validate === false ? 'raw' : 'checked'}`);
      return ok({ update: new Uint8Array([version]), entries: 1 });
    },
    async append() {
      version++;
    },
    async compact() {},
    async setAside() {},
    async listDocs() {
      return [];
    },
    async listQuarantine() {
      return [];
    },
  };
  return { store, calls };
}

describe('reading the first screen’s documents while the app boots', () => {
  it('a prefetched document is read from storage once and handed to the first load', async () => {
    const { store, calls } = countingStore();
    const wrapped = prefetchingStore(store);
    wrapped.prefetch('w/playbook/p', { validate: false });
    expect(calls).toEqual(['load w/playbook/p raw']);
    await wrapped.load('w/playbook/p', { validate: false });
    expect(calls).toHaveLength(1);
    await wrapped.load('w/playbook/p', { validate: false }); // handed out once only
    expect(calls).toHaveLength(2);
  });

  it('a prefetch with other options, or a write in between, is never served stale', async () => {
    const { store, calls } = countingStore();
    const wrapped = prefetchingStore(store);
    wrapped.prefetch('w/directory');
    await wrapped.load('w/directory', { validate: false });
    expect(calls).toEqual(['load w/directory checked', 'load w/directory raw']);
    wrapped.prefetch('w/playbook/p', { validate: false });
    await wrapped.append('w/playbook/p', new Uint8Array([1]));
    const loaded = await wrapped.load('w/playbook/p', { validate: false });
    expect(loaded.ok && loaded.value.update?.[0]).toBe(1);
  });
});
