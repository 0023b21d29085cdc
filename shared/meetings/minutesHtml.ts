/**
 * The minutes as a print layout for the deck's PDF path (`deck:printToPdf`): the same content as the
 * Markdown, in only the tags and attributes the print check allows (div, section, p, ul, li, span with
 * class), every text escaped.
 */
import { escapeHtml } from '../deck/deckHtml';
import type { PrintParts } from '../deck/printDocument';
import type { MinutesInput } from './minutes';

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
body { margin: 0; font-family: 'Inter', 'Segoe UI', Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1b2230; }
.m-title { font-size: 20pt; font-weight: 700; margin: 0 0 4pt; }
.m-meta { color: #3b4456; margin: 0 0 2pt; }
.m-item { margin-top: 14pt; padding-top: 8pt; border-top: 1px solid #d3d0c8; break-inside: avoid; }
.m-item-title { font-size: 13pt; font-weight: 700; margin: 0 0 3pt; }
.m-detail { color: #3b4456; font-style: italic; margin: 0 0 6pt; }
.m-label { font-weight: 700; margin: 6pt 0 2pt; color: #0f6e68; }
.m-note { margin: 0 0 3pt; white-space: pre-wrap; }
.m-done { color: #2f855a; font-weight: 700; }
ul { margin: 0; padding-left: 16pt; }
`;

/** The print parts of the minutes. */
export function minutesPrintParts(input: MinutesInput): PrintParts {
  const e = escapeHtml;
  const { meta } = input;
  const out: string[] = ['<section class="m-head">', `<p class="m-title">${e(meta.title)}</p>`];
  out.push(`<p class="m-meta">Joint review of ${e(meta.date)}</p>`);
  if (meta.participants.length > 0)
    out.push(`<p class="m-meta">Participants: ${e(meta.participants.map((p) => p.name).join(', '))}</p>`);
  if (meta.presenter) out.push(`<p class="m-meta">Presented by ${e(meta.presenter.name)}</p>`);
  out.push('</section>');
  input.agenda.forEach((item, index) => {
    out.push('<section class="m-item">');
    const done = input.done.has(item.id) ? ' <span class="m-done">✓ done</span>' : '';
    out.push(`<p class="m-item-title">${index + 1}. ${e(item.title)}${done}</p>`);
    if (item.detail) out.push(`<p class="m-detail">${e(item.detail)}</p>`);
    const notes = input.notes.get(item.id)?.trim();
    if (notes) out.push(`<p class="m-note">${e(notes)}</p>`);
    const decisions = input.decisions.filter((d) => d.itemId === item.id);
    if (decisions.length > 0)
      out.push('<p class="m-label">Decisions</p><ul>', ...decisions.map((d) => `<li>${e(d.text)}</li>`), '</ul>');
    const actions = input.actions.filter((a) => a.itemId === item.id);
    if (actions.length > 0)
      out.push(
        '<p class="m-label">Action items</p><ul>',
        ...actions.map((a) => `<li>${a.done ? '✓ ' : ''}${e(a.text)} — ${e(a.ownerName)}, due ${e(a.due)}</li>`),
        '</ul>',
      );
    out.push('</section>');
  });
  return { css: CSS, bodyHtml: out.join('') };
}
