import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { goalsDocName, meetingDocName, meetingsLedgerDocName, parseDocName } from '../../../../shared/collab/docNames';
import { putGoal, readGoals } from '../../../../shared/collab/goals';
import {
  itemNotes,
  readMeeting,
  reorderAgenda,
  setPresenter,
  spliceText,
  writeNewMeeting,
  type AgendaItem,
} from '../../../../shared/collab/meetingDoc';
import { addAction, addDecision, readLedger, setActionDone } from '../../../../shared/collab/meetingLedger';
import { checkPrintParts } from '../../../../shared/deck/printDocument';
import { actionsDueSoon, minutesMarkdown } from '../../../../shared/meetings/minutes';
import { minutesPrintParts } from '../../../../shared/meetings/minutesHtml';

const agenda: AgendaItem[] = [
  { id: 'i1', kind: 'loss', title: 'Lost to Seismic: Northwind', detail: 'They wanted SOC 2 now.' },
  { id: 'i2', kind: 'custom', title: 'Pricing *page*', detail: '' },
];
const meta = {
  title: 'Joint review',
  date: '2026-05-20',
  playbookId: 'p1',
  organiser: 'Maya',
  participants: [
    { id: 'm-maya', name: 'Maya' },
    { id: 'name:Rep', name: 'Rep' },
  ],
};

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('meeting documents', () => {
  it('the meetings and goals documents have names the server routes', () => {
    expect(parseDocName(meetingDocName('acme', 'm1'))).toEqual({ workspaceId: 'acme', kind: 'meetings', id: 'm1' });
    expect(parseDocName(meetingsLedgerDocName('acme'))).toMatchObject({ kind: 'meetings', id: 'ledger' });
    expect(parseDocName(goalsDocName('acme'))).toEqual({ workspaceId: 'acme', kind: 'goals', id: 'acme' });
    expect(parseDocName('acme/meetings/../x')).toBeNull();
  });

  it('two people typing notes on the same item at once both keep their words', () => {
    const a = new Y.Doc();
    writeNewMeeting(a, meta, agenda);
    const b = new Y.Doc();
    sync(a, b);
    spliceText(itemNotes(a, 'i1')!, 'Maya: payback matters.');
    spliceText(itemNotes(b, 'i1')!, 'Rep: SOC 2 first.');
    sync(a, b);
    const merged = itemNotes(a, 'i1')!.toString();
    expect(merged).toContain('Maya: payback matters.');
    expect(merged).toContain('Rep: SOC 2 first.');
    expect(itemNotes(b, 'i1')!.toString()).toBe(merged);
  });

  it('an item moved by two people at once is listed once', () => {
    const a = new Y.Doc();
    writeNewMeeting(a, meta, agenda);
    const b = new Y.Doc();
    sync(a, b);
    reorderAgenda(a, ['i2', 'i1']);
    reorderAgenda(b, ['i2', 'i1']);
    sync(a, b);
    expect(readMeeting(a).agenda.map((i) => i.id)).toEqual(['i2', 'i1']);
    setPresenter(a, { id: 'm-maya', name: 'Maya' });
    expect(readMeeting(a).meta).toMatchObject({ title: 'Joint review', presenter: { name: 'Maya' } });
  });

  it('a peer cannot slip an invalid goal or action in: malformed records are skipped', () => {
    const doc = new Y.Doc();
    doc.getMap('goals').set('g1', '{"title": 1}');
    doc.getMap('actions').set('a1', 'not json');
    expect(readGoals(doc)).toEqual([]);
    expect(readLedger(doc).actions).toEqual([]);
    expect(() =>
      putGoal(doc, {
        id: 'g2',
        title: '',
        playbookId: 'p1',
        metric: 'win-rate',
        competitor: '',
        persona: '',
        narrativeId: '',
        target: 0.4,
        period: 'quarter',
        author: 'Maya',
        createdAt: 1,
      }),
    ).toThrow();
  });

  it('the minutes hold notes, decisions and actions, escaped; the PDF layout passes the print check', () => {
    const meeting = new Y.Doc();
    writeNewMeeting(meeting, meta, agenda);
    spliceText(itemNotes(meeting, 'i1')!, 'Customers ask for <b>payback</b>.');
    const ledger = new Y.Doc();
    addDecision(ledger, {
      id: 'd1',
      meetingId: 'm1',
      itemId: 'i1',
      itemTitle: 'Lost to Seismic: Northwind',
      text: 'Lead with the ROI story',
      author: 'Maya',
      createdAt: 1,
    });
    const action = {
      meetingId: 'm1',
      itemId: 'i2',
      itemTitle: 'Pricing',
      text: 'Refresh the pricing slide',
      ownerId: 'name:Rep',
      ownerName: 'Rep',
      due: '2026-05-22',
      author: 'Maya',
      createdAt: 2,
    };
    addAction(ledger, 'a1', action);
    addAction(ledger, 'a2', { ...action, text: 'Later', due: '2026-06-30', createdAt: 3 });
    addAction(ledger, 'a3', { ...action, text: 'Mark’s', ownerId: 'm-mark', ownerName: 'Mark', createdAt: 4 });
    const state = readMeeting(meeting);
    const { decisions, actions } = readLedger(ledger);
    const input = {
      meta: state.meta!,
      agenda: state.agenda,
      done: new Set(['i1']),
      notes: new Map([['i1', itemNotes(meeting, 'i1')!.toString()]]),
      decisions,
      actions,
    };
    const md = minutesMarkdown(input);
    expect(md).toContain('## 1. Lost to Seismic: Northwind ✓');
    expect(md).toContain('Customers ask for \\<b\\>payback\\</b\\>.');
    expect(md).toContain('**Decisions**\n\n- Lead with the ROI story');
    expect(md).toContain('## 2. Pricing \\*page\\*');
    expect(md).toContain('- [ ] Refresh the pricing slide — Rep, due 2026-05-22');
    const parts = minutesPrintParts(input);
    expect(checkPrintParts(parts).ok).toBe(true);
    expect(parts.bodyHtml).toContain('Customers ask for &lt;b&gt;payback&lt;/b&gt;.');

    // Rep's actions due within the week, by name; done ones drop out.
    const me = { memberId: null, name: 'Rep' };
    expect(actionsDueSoon(actions, me, '2026-05-20').map((a) => a.id)).toEqual(['a1']);
    setActionDone(ledger, 'a1', { by: 'Rep', at: 5 });
    expect(actionsDueSoon(readLedger(ledger).actions, me, '2026-05-20')).toEqual([]);
    expect(actionsDueSoon(actions, { memberId: 'm-mark', name: 'Mark' }, '2026-05-20').map((a) => a.id)).toEqual([
      'a3',
    ]);
  });
});
