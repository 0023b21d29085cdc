import { describe, expect, it } from 'vitest';
import { goalsDocName, meetingDocName, meetingsLedgerDocName } from '../../../../../shared/collab/docNames';
import { addAction, readLedger } from '../../../../../shared/collab/meetingLedger';
import { readMeeting, writeNewMeeting } from '../../../../../shared/collab/meetingDoc';
import { freshStore, openWorkspace } from './workspaceTestKit';

const action = {
  meetingId: 'm1',
  itemId: 'i1',
  itemTitle: 'Pricing',
  text: 'Refresh the pricing slide',
  ownerId: 'name:Rep',
  ownerName: 'Rep',
  due: '2026-05-22',
  author: 'Maya',
  createdAt: 1,
};

describe('the joint reviews’ documents in a workspace', () => {
  it('a meeting and the ledger written on this device are there after reopening, and in the export', async () => {
    const store = await freshStore();
    const workspace = await openWorkspace(store);
    const meeting = await workspace.openMeetingDoc(meetingDocName('acme', 'm1'));
    const ledger = await workspace.openMeetingDoc(meetingsLedgerDocName('acme'));
    if (!meeting.ok || !ledger.ok) throw new Error('not opened');
    writeNewMeeting(
      meeting.value.doc,
      { title: 'Joint review', date: '2026-05-20', playbookId: 'p1', organiser: 'Maya', participants: [] },
      [{ id: 'i1', kind: 'custom', title: 'Pricing', detail: '' }],
    );
    addAction(ledger.value.doc, 'a1', action);
    // Two holders of one document share it; it closes with the last.
    const again = await workspace.openMeetingDoc(meetingsLedgerDocName('acme'));
    expect(again.ok && again.value).toBe(ledger.value);
    const snapshot = await workspace.snapshot();
    if (!snapshot.ok) throw new Error(snapshot.error.message);
    expect([...snapshot.value.docs.keys()]).toEqual(
      expect.arrayContaining([meetingDocName('acme', 'm1'), meetingsLedgerDocName('acme')]),
    );
    await workspace.close();

    const reopened = await openWorkspace(store);
    const meetingAgain = await reopened.openMeetingDoc(meetingDocName('acme', 'm1'));
    const ledgerAgain = await reopened.openMeetingDoc(meetingsLedgerDocName('acme'));
    const goals = await reopened.openMeetingDoc(goalsDocName('acme'));
    if (!meetingAgain.ok || !ledgerAgain.ok || !goals.ok) throw new Error('not reopened');
    expect(readMeeting(meetingAgain.value.doc).agenda.map((i) => i.title)).toEqual(['Pricing']);
    expect(readLedger(ledgerAgain.value.doc).actions.map((a) => a.text)).toEqual(['Refresh the pricing slide']);
    await reopened.close();
  });
});
