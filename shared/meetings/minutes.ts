/**
 * The minutes of a joint review as Markdown, and the action items that concern one person. Pure: the app
 * saves the text (or prints it as a PDF through the deck's print path).
 */
import type { AgendaItem, MeetingMeta } from '../collab/meetingDoc';
import type { ActionItem, Decision } from '../collab/meetingLedger';

/** Everything the minutes show. */
export interface MinutesInput {
  meta: MeetingMeta;
  agenda: readonly AgendaItem[];
  done: ReadonlySet<string>;
  /** Discussion notes per item id. */
  notes: ReadonlyMap<string, string>;
  decisions: readonly Decision[];
  actions: readonly ActionItem[];
}

/** Text that cannot start Markdown structure or break out of a line (user text stays text). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

/** The minutes, item by item: notes, decisions, action items; then every action item in one list. */
export function minutesMarkdown(input: MinutesInput): string {
  const { meta } = input;
  const out: string[] = [`# ${escapeMarkdown(meta.title)}`, '', `Joint review of ${meta.date}.`];
  if (meta.participants.length > 0)
    out.push(`Participants: ${meta.participants.map((p) => escapeMarkdown(p.name)).join(', ')}.`);
  if (meta.presenter) out.push(`Presented by ${escapeMarkdown(meta.presenter.name)}.`);
  input.agenda.forEach((item, index) => {
    out.push('', `## ${index + 1}. ${escapeMarkdown(item.title)}${input.done.has(item.id) ? ' ✓' : ''}`);
    if (item.detail) out.push('', `_${escapeMarkdown(item.detail)}_`);
    const notes = input.notes.get(item.id)?.trim();
    if (notes) out.push('', ...notes.split(/\r?\n/).map((line) => (line.trim() ? escapeMarkdown(line) : '')));
    const decisions = input.decisions.filter((d) => d.itemId === item.id);
    if (decisions.length > 0) out.push('', '**Decisions**', '', ...decisions.map((d) => `- ${escapeMarkdown(d.text)}`));
    const actions = input.actions.filter((a) => a.itemId === item.id);
    if (actions.length > 0) out.push('', '**Action items**', '', ...actions.map(actionLine));
  });
  if (input.actions.length > 0) out.push('', '## All action items', '', ...input.actions.map(actionLine));
  return `${out.join('\n')}\n`;
}

function actionLine(a: ActionItem): string {
  return `- [${a.done ? 'x' : ' '}] ${escapeMarkdown(a.text)} — ${escapeMarkdown(a.ownerName)}, due ${a.due}`;
}

/** True when an action belongs to this person (by member id, or by name for someone known only by name). */
export function isOwnAction(action: ActionItem, me: { memberId: string | null; name: string }): boolean {
  if (me.memberId && action.ownerId === me.memberId) return true;
  return action.ownerId === `name:${me.name}` || (!me.memberId && action.ownerName === me.name);
}

/** This person's open actions due within `days` of `today` (overdue ones included), soonest first. */
export function actionsDueSoon(
  actions: readonly ActionItem[],
  me: { memberId: string | null; name: string },
  today: string,
  days = 7,
): ActionItem[] {
  const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return actions
    .filter((a) => !a.done && a.due <= until && isOwnAction(a, me))
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.createdAt - b.createdAt));
}
