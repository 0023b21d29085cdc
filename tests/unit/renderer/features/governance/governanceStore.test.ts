// The store hands the editor one badge object per narrative, kept while nothing it shows changes — so a
// record about one narrative re-renders only that narrative's chrome — and offers each role what it may do.
import { describe, expect, it } from 'vitest';
import type { ApprovalDecision } from '../../../../../shared/collab/approvals';
import { GovernanceStore } from '../../../../../renderer/features/governance/GovernanceStore';

const H = 'c'.repeat(64);
const approval = (narrativeId: string, reviewBy = '2099-01-01'): ApprovalDecision => ({
  id: `d-${narrativeId}`,
  narrativeId,
  kind: 'approve',
  hash: H,
  title: narrativeId,
  by: 'Sam',
  at: 1,
  comment: '',
  reviewBy,
});

function storeWith(today = '2026-06-01'): GovernanceStore {
  const store = new GovernanceStore(() => today);
  store.setNarratives([
    { id: 'a', title: 'A', owner: '', hash: H },
    { id: 'b', title: 'B', owner: '', hash: H },
  ]);
  return store;
}

describe('governance store', () => {
  it('keeps a badge object while what it shows is unchanged', () => {
    const store = storeWith();
    store.setRights({ canApprove: true, canRequest: true });
    const a = store.badge('a');
    const b = store.badge('b');
    store.setRecords([approval('b')], []);
    expect(store.badge('a')).toBe(a);
    expect(store.badge('b')).not.toBe(b);
    expect(store.badge('b')).toMatchObject({ state: 'approved', label: 'Approved', status: 'approved', stale: null });
  });

  it('offers storytellers and marketing the approval dialog, sales nothing', () => {
    const store = storeWith();
    store.setRights({ canApprove: true, canRequest: true });
    expect(store.badge('a')?.action).toBe('Approval…');
    expect(store.lockedStatuses().statuses).toEqual([]);
    store.setRights({ canApprove: false, canRequest: true });
    expect(store.badge('a')?.action).toBe('Approval…'); // the dialog offers marketing the request
    expect(store.lockedStatuses()).toMatchObject({ statuses: ['approved'] });
    store.setRights({ canApprove: false, canRequest: false });
    expect(store.badge('a')?.action).toBeNull();
  });

  it('tells the deck what needs a second look: drafts, changed and overdue narratives', () => {
    const store = storeWith();
    store.setRecords([approval('a'), approval('b', '2026-05-01')], []);
    expect(store.caution('a')).toEqual({ state: 'approved', label: 'Approved', warning: null });
    expect(store.caution('b')?.warning).toBe('Approved · review was due 2026-05-01');
    store.setNarratives([
      { id: 'a', title: 'A', owner: '', hash: 'd'.repeat(64) },
      { id: 'b', title: 'B', owner: '', hash: H },
    ]);
    expect(store.caution('a')).toMatchObject({ state: 'changed', warning: 'Changed since approved' });
    expect(store.caution('zzz')).toBeNull();
  });

  it('re-derives when the day passes a review-by date', () => {
    let today = '2026-06-01';
    const store = new GovernanceStore(() => today);
    store.setNarratives([{ id: 'a', title: 'A', owner: '', hash: H }]);
    store.setRecords([approval('a', '2026-06-01')], []);
    expect(store.badge('a')?.stale).toBeNull();
    today = '2026-06-02';
    store.refreshDay();
    expect(store.badge('a')?.stale).toBe('Approved · review was due 2026-06-01');
  });
});
