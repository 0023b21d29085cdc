// @vitest-environment happy-dom
// The Needs review scan runs in a worker: replies find their own scan (even out of order), arrive as the
// structured clone a real worker posts, a failed read says why, and closing the workspace ends the waits.
import { describe, expect, it } from 'vitest';
import { needsReviewScanner, type ScanPort } from '../../../../../renderer/features/governance/NeedsReviewScanner';
import type { ScanReply, ScanRequest } from '../../../../../renderer/features/governance/needsReviewProtocol';
import { scanNeedsReview } from '../../../../../renderer/features/governance/scanNeedsReview';
import { installSample } from '../../../../../renderer/features/sample/installSample';
import { SAMPLE_PLAYBOOKS, SAMPLE_WORKSPACE } from '../../../../../renderer/features/sample/sampleContent';
import { localDay } from '../../../../../renderer/features/versions/versionDates';
import { freshStore } from '../workspace/workspaceTestKit';

type Store = Awaited<ReturnType<typeof freshStore>>;

/** A stand-in worker over `store`: answers held requests when told, in the order it is told. */
function heldPort(store: Store) {
  const held: ScanRequest[] = [];
  let listener: ((event: MessageEvent<ScanReply>) => void) | null = null;
  let terminated = false;
  const port: ScanPort = {
    postMessage: (request) => held.push(structuredClone(request)),
    addEventListener: (_type, l) => (listener = l),
    terminate: () => (terminated = true),
  };
  async function answer(index: number, fail = false): Promise<void> {
    const request = held[index]!;
    const reply: ScanReply = fail
      ? { id: request.id, ok: false, message: 'acme/playbook/x cannot be read: corrupt' }
      : {
          id: request.id,
          ok: true,
          scan: await scanNeedsReview(store, request.workspaceId, request.playbooks, request.today),
        };
    listener!(new MessageEvent('message', { data: structuredClone(reply) }));
  }
  return { port, answer, terminated: () => terminated, held };
}

const playbooks = SAMPLE_PLAYBOOKS.map((p) => ({ ...p, createdAt: 0, updatedAt: 0 }));

describe('needsReviewScanner', () => {
  it('starts its worker on the first scan and gives each scan its own reply, in any order', async () => {
    const store = await freshStore();
    await installSample(store);
    let started = 0;
    const fake = heldPort(store);
    const scanner = needsReviewScanner(store, () => (started++, fake.port));
    expect(started).toBe(0);
    const today = localDay(Date.now());
    const all = scanner.scan(SAMPLE_WORKSPACE.id, playbooks, today);
    const first = scanner.scan(SAMPLE_WORKSPACE.id, playbooks.slice(0, 1), today);
    expect(started).toBe(1);
    await fake.answer(1);
    await fake.answer(0);
    const inPage = await scanNeedsReview(store, SAMPLE_WORKSPACE.id, playbooks, today);
    expect(await all).toEqual(inPage);
    expect((await all).items.length).toBeGreaterThan(0);
    const firstOnly = await first;
    expect(firstOnly.items.every((i) => i.playbookId === playbooks[0]!.id)).toBe(true);
  });

  it('rejects with the worker’s reason when a stored document cannot be read', async () => {
    const store = await freshStore();
    const fake = heldPort(store);
    const scanner = needsReviewScanner(store, () => fake.port);
    const scan = scanner.scan(SAMPLE_WORKSPACE.id, playbooks, '2026-01-01');
    await fake.answer(0, true);
    await expect(scan).rejects.toThrow('cannot be read: corrupt');
  });

  it('stops the worker with the workspace and ends the scans still waiting', async () => {
    const store = await freshStore();
    const fake = heldPort(store);
    const scanner = needsReviewScanner(store, () => fake.port);
    const scan = scanner.scan(SAMPLE_WORKSPACE.id, playbooks, '2026-01-01');
    scanner.dispose();
    expect(fake.terminated()).toBe(true);
    await expect(scan).rejects.toThrow('closed');
  });

  it('scans in the page where there are no workers', async () => {
    const store = await freshStore();
    await installSample(store);
    const today = localDay(Date.now());
    const scan = await needsReviewScanner(store, null).scan(SAMPLE_WORKSPACE.id, playbooks, today);
    expect(scan).toEqual(await scanNeedsReview(store, SAMPLE_WORKSPACE.id, playbooks, today));
  });
});
