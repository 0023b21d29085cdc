/**
 * A whole playbook as Markdown: its narratives with their fields and body text. Every piece of user text is
 * escaped, so a title such as "# Not a heading" or "<script>" reads back as exactly what was typed, and no
 * Markdown renderer turns it into markup, a link or HTML.
 */
import { BUYING_STAGE_LABELS, NARRATIVE_STATUS_LABELS } from '../domain/narrative';
import type { DeckNarrative, TextBlock } from './deckModel';

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start markup
// anywhere in a line (emphasis, code, links, HTML, tables, strikethrough, entities).
const INLINE_SPECIALS = /[\\`*_{}[\]()<>#+!|~&]/g;

/** Escapes `text` so it renders as itself, inline and at the start of a line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      let out = line.replace(INLINE_SPECIALS, (ch) => `\\${ch}`);
      // Line starts that make blocks: "- ", "= " (setext), "> " is covered above, "1. " / "1) " lists.
      out = out.replace(/^(\s*)([-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
      return out;
    })
    .join('\n');
}

/** Escapes text for one line of output (list items, headings): line breaks become spaces. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim());
}

function body(blocks: readonly TextBlock[]): string[] {
  const out: string[] = [];
  let previous: TextBlock['kind'] | null = null;
  let number = 0;
  for (const block of blocks) {
    const text = block.text.trim();
    if (text === '') continue;
    const isList = block.kind === 'bullet' || block.kind === 'number';
    // Blocks are separated by a blank line, consecutive list items are not.
    if (out.length > 0 && !(isList && previous === block.kind)) out.push('');
    number = block.kind === 'number' ? (previous === 'number' ? number + 1 : 1) : 0;
    if (block.kind === 'heading') out.push(`### ${inline(text)}`);
    else if (block.kind === 'bullet') out.push(`- ${inline(text)}`);
    else if (block.kind === 'number') out.push(`${number}. ${inline(text)}`);
    else if (block.kind === 'quote')
      out.push(
        ...escapeMarkdown(text)
          .split('\n')
          .map((l) => `> ${l}`),
      );
    else out.push(escapeMarkdown(text));
    previous = block.kind;
  }
  return out;
}

/** The playbook as a Markdown document. `exportedOn` is shown as is (e.g. "2027-03-12"). */
export function playbookToMarkdown(
  playbook: { title: string; narratives: readonly DeckNarrative[] },
  exportedOn: string,
): string {
  const lines: string[] = [`# ${inline(playbook.title) || 'Untitled playbook'}`, ''];
  lines.push(`_Exported from Duet on ${inline(exportedOn)} · ${playbook.narratives.length} narratives_`, '');
  playbook.narratives.forEach((n, i) => {
    lines.push(`## ${i + 1}\\. ${inline(n.title) || 'Untitled narrative'}`, '');
    const fields: [string, string][] = [
      ['Key message', n.keyMessage],
      ['Status', NARRATIVE_STATUS_LABELS[n.status]],
      ['Persona', n.persona],
      ['Buying stage', n.stage ? BUYING_STAGE_LABELS[n.stage] : ''],
      ['Owner', n.owner],
    ];
    for (const [label, value] of fields) if (value.trim()) lines.push(`- **${label}:** ${inline(value)}`);
    if (n.proofPoints.length > 0) {
      lines.push('- **Proof points:**');
      for (const p of n.proofPoints) lines.push(`  - ${inline(p)}`);
    }
    const text = body(n.body);
    if (text.length > 0) lines.push('', ...text);
    lines.push('');
  });
  return `${lines.join('\n').trimEnd()}\n`;
}
