/**
 * A whole playbook as Markdown: its narratives with their fields and body text. Every piece of user text is
 * escaped, so a title such as "# Not a heading" or "<script>" reads back as exactly what was typed, and no
 * Markdown renderer turns it into markup, a link or HTML. The one markup made from the text is a link the
 * author made, with a safe address (http, https, mailto): `[words](url)`.
 */
import { BUYING_STAGE_LABELS, NARRATIVE_STATUS_LABELS } from '../domain/narrative';
import type { DeckNarrative, TextBlock, TextRun } from './deckModel';
import { blockRuns, normalizeRuns, plainText, safeUrl, sliceRuns } from './richText';

// CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can start markup
// anywhere in a line (emphasis, code, links, HTML, tables, strikethrough, entities).
const INLINE_SPECIALS = /[\\`*_{}[\]()<>#+!|~&]/g;

const escapeInline = (text: string): string => text.replace(INLINE_SPECIALS, (ch) => `\\${ch}`);

/** Escapes what would start a block at the beginning of each line of already inline-escaped text. */
function escapeLineStarts(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      // Line starts that make blocks: "- ", "= " (setext), "> " is covered inline, "1. " / "1) " lists.
      line.replace(/^(\s*)([-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Escapes `text` so it renders as itself, inline and at the start of a line. */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text.replace(/\r\n?/g, '\n')));
}

/**
 * A link destination that reads back as exactly `url`: parentheses and backslashes escaped (CommonMark
 * allows it), spaces and angle brackets percent-encoded (browsers send them encoded anyway).
 */
export function markdownUrl(url: string): string {
  return url
    .replace(/[\\()]/g, (ch) => `\\${ch}`)
    .replace(/ /g, '%20')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E');
}

/** Runs as Markdown: plain text escaped, safe links as `[words](url)`, anything else as its words. */
function runsMarkdown(runs: readonly TextRun[]): string {
  const out = runs
    .map((run) => {
      const text = escapeInline(run.text.replace(/\r\n?/g, '\n'));
      const url = safeUrl(run);
      // A link cannot span lines in Markdown; its words are kept on one.
      return url === null || run.text.trim() === '' ? text : `[${text.replace(/\s*\n\s*/g, ' ')}](${markdownUrl(url)})`;
    })
    .join('');
  return escapeLineStarts(out);
}

/** Escapes text for one line of output (list items, headings): line breaks become spaces. */
function inline(text: string): string {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, ' ').trim());
}

/** A block's runs on one line (list items, headings). */
function inlineRuns(block: TextBlock): string {
  return runsMarkdown(normalizeRuns(blockRuns(block)));
}

/** A block's runs with its line breaks kept (paragraphs, quotes), trimmed like its text. */
function blockMarkdown(block: TextBlock): string {
  const runs = blockRuns(block);
  const text = plainText(runs);
  const start = text.length - text.trimStart().length;
  return runsMarkdown(sliceRuns(runs, start, text.trimEnd().length));
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
    if (block.kind === 'heading') out.push(`### ${inlineRuns(block)}`);
    else if (block.kind === 'bullet') out.push(`- ${inlineRuns(block)}`);
    else if (block.kind === 'number') out.push(`${number}. ${inlineRuns(block)}`);
    else if (block.kind === 'quote')
      out.push(
        ...blockMarkdown(block)
          .split('\n')
          .map((l) => `> ${l}`),
      );
    else out.push(blockMarkdown(block));
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
