import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addDecision,
  DEFAULT_REVIEW_DAYS,
  readDecisions,
  readReviewDays,
  setReviewDays,
  type ApprovalDecision,
} from '../../../../shared/collab/approvals';
import { addWorkflowRecord, readWorkflow } from '../../../../shared/collab/reviewRequests';

const decision: ApprovalDecision = {
  id: 'd1',
  narrativeId: 'n1',
  kind: 'approve',
  hash: 'a'.repeat(64),
  title: 'Positioning',
  by: 'Maya',
  at: 5,
  comment: ' Good to go ',
  reviewBy: '2026-09-01',
  versionId: 'v1',
};

describe('approval records', () => {
  it('read back what was written, comments trimmed, oldest first', () => {
    const doc = new Y.Doc();
    addDecision(doc, { ...decision, id: 'd2', at: 9, kind: 'send-back', reviewBy: '' });
    addDecision(doc, decision);
    expect(readDecisions(doc).map((d) => [d.id, d.kind, d.comment])).toEqual([
      ['d1', 'approve', 'Good to go'],
      ['d2', 'send-back', 'Good to go'],
    ]);
    expect(() => addDecision(doc, decision)).toThrow(/taken/);
  });

  it('skip what a peer wrote that is not a valid record (bad hash, unknown kind, bad id, too long)', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>('decisions');
    const { id: _id, ...record } = decision;
    map.set('bad-hash', { ...record, hash: 'xyz' });
    map.set('bad-kind', { ...record, kind: 'rubber-stamp' });
    map.set('../evil', record);
    map.set('long', { ...record, comment: 'x'.repeat(1001) });
    map.set('ok', record);
    expect(readDecisions(doc).map((d) => d.id)).toEqual(['ok']);
  });

  it('a playbook reviews every 90 days unless a storyteller sets another whole number of days', () => {
    const doc = new Y.Doc();
    expect(readReviewDays(doc)).toBe(DEFAULT_REVIEW_DAYS);
    setReviewDays(doc, 30);
    expect(readReviewDays(doc)).toBe(30);
    expect(() => setReviewDays(doc, 0)).toThrow();
    expect(() => setReviewDays(doc, 1.5)).toThrow();
    doc.getMap('policy').set('reviewDays', 'forever'); // a peer's junk falls back to the default
    expect(readReviewDays(doc)).toBe(DEFAULT_REVIEW_DAYS);
  });

  it('workflow records (request, retire, reopen) live beside the versions', () => {
    const doc = new Y.Doc();
    addWorkflowRecord(doc, { id: 'w1', narrativeId: 'n1', kind: 'request', title: 'P', by: 'Mo', at: 1, note: '' });
    doc
      .getMap<unknown>('workflow')
      .set('w2', { narrativeId: 'n1', kind: 'approve', title: '', by: '', at: 2, note: '' });
    expect(readWorkflow(doc).map((r) => r.id)).toEqual(['w1']); // "approve" is not a workflow record
    expect(doc.getMap('versions').size).toBe(0);
  });
});
