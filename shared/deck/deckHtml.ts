/**
 * Draws a laid-out deck as HTML for the live preview and the print layout (PDF). Markup carries classes
 * only and all styling is one stylesheet string: the app's CSP forbids inline style attributes, and the
 * preview adopts the sheet through the CSSOM. Every piece of narrative text is escaped, so HTML or script
 * in a narrative stays text; the only URLs are the logo's checked `data:image/png|jpeg` URL.
 */
import { describeLeftOut } from './condenseStory';
import type { DeckLayout, LaidOutSlide, RichParagraph, SlideBox } from './deckModel';
import { safeUrl } from './richText';

/** Points across a slide (13.333 in × 72): font sizes scale with the slide's width through `cqw`. */
const SLIDE_WIDTH_PT = 960;

const FONT_STACKS: Record<string, string> = {
  Arial: "Arial, 'Liberation Sans', Helvetica, sans-serif",
  Helvetica: "Helvetica, Arial, 'Liberation Sans', sans-serif",
  Calibri: "Calibri, Carlito, 'Segoe UI', Arial, sans-serif",
  Georgia: "Georgia, 'DejaVu Serif', 'Times New Roman', serif",
  'Trebuchet MS': "'Trebuchet MS', 'DejaVu Sans', Arial, sans-serif",
  Verdana: "Verdana, 'DejaVu Sans', sans-serif",
};

const LOGO_URL = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const color = (value: string): string => (/^[0-9a-f]{6}$/i.test(value) ? `#${value}` : '#000000');
const pct = (value: number, of: number): string => `${((value / of) * 100).toFixed(3)}%`;
const pt = (value: number): string => `calc(${value} * 100cqw / ${SLIDE_WIDTH_PT})`;

/** The stylesheet and the markup of a deck; `print` sizes slides as pages. */
export interface DeckHtml {
  css: string;
  bodyHtml: string;
}

/** Renders `layout` to classes-only markup plus one stylesheet. */
export function renderDeckHtml(layout: DeckLayout, mode: 'preview' | 'print'): DeckHtml {
  const rules: string[] = [
    '.deck{display:flex;flex-direction:column;gap:16px}',
    `.deck-slide{position:relative;overflow:hidden;aspect-ratio:${layout.width}/${layout.height};container-type:inline-size;box-sizing:border-box}`,
    '.deck-box{position:absolute;box-sizing:border-box;margin:0;padding:0;overflow:hidden;line-height:1.2;white-space:normal;overflow-wrap:anywhere}',
    '.deck-box p{margin:0}',
    `.deck-box ul{margin:0;padding:0 0 0 ${pt(20)};list-style:disc}`,
    '.deck-logo{background-position:center;background-size:contain;background-repeat:no-repeat}',
    // Links look like links (the PPTX underlines them too); group labels over bullets are bold, unbulleted.
    '.deck-link{text-decoration:underline;color:inherit}',
    `.deck-box li.deck-group{list-style:none;font-weight:700;margin-left:calc(-1 * ${pt(20)})}`,
  ];
  if (mode === 'print') {
    rules.push(
      `@page{size:${layout.width}in ${layout.height}in;margin:0}`,
      'html,body{margin:0;padding:0}',
      '.deck{gap:0}',
      `.deck-slide{width:${layout.width}in;height:${layout.height}in;break-after:page;print-color-adjust:exact;-webkit-print-color-adjust:exact}`,
    );
  } else {
    rules.push(
      '.deck-slide{width:100%;box-shadow:0 1px 3px rgb(0 0 0 / 18%);border-radius:4px}',
      '.deck-left-out{margin:-8px 0 0;font:13px/1.4 system-ui,sans-serif;color:#5b5348}',
      '.deck-left-out summary{cursor:pointer}',
      '.deck-left-out ul{margin:4px 0 0;padding-left:18px}',
    );
  }
  const logos = new Map<string, string>();
  const slides = layout.slides.map((slide, s) => {
    rules.push(`.s${s}{background:${color(slide.background)}}`);
    const boxes = slide.boxes.map((box, b) => renderBox(box, `.s${s} .b${b}`, `b${b}`, layout, rules, logos, mode));
    const label =
      slide.kind === 'narrative' ? `Slide ${s + 1}` : slide.kind === 'title' ? 'Title slide' : 'Closing slide';
    const section = `<section class="deck-slide s${s}" data-kind="${slide.kind}" aria-label="${label}">${boxes.join('')}</section>`;
    return mode === 'preview' ? section + leftOutNote(slide) : section;
  });
  for (const [url, name] of logos) rules.push(`.${name}{background-image:url("${url}")}`);
  return { css: rules.join('\n'), bodyHtml: `<div class="deck">${slides.join('')}</div>` };
}

function renderBox(
  box: SlideBox,
  selector: string,
  className: string,
  layout: DeckLayout,
  rules: string[],
  logos: Map<string, string>,
  mode: 'preview' | 'print',
): string {
  const frame = `left:${pct(box.x, layout.width)};top:${pct(box.y, layout.height)};width:${pct(box.w, layout.width)};height:${pct(box.h, layout.height)}`;
  if (box.kind === 'rect') {
    rules.push(`${selector}{${frame};background:${color(box.fill)}}`);
    return `<div class="deck-box ${className}"></div>`;
  }
  if (box.kind === 'image') {
    if (!LOGO_URL.test(box.dataUrl)) return '';
    let logo = logos.get(box.dataUrl);
    if (logo === undefined) {
      logo = `logo${logos.size}`;
      logos.set(box.dataUrl, logo);
    }
    rules.push(`${selector}{${frame}}`);
    return `<div class="deck-box deck-logo ${logo} ${className}" role="img" aria-label="Logo"></div>`;
  }
  const font = FONT_STACKS[box.font] ?? 'sans-serif';
  rules.push(
    `${selector}{${frame};font-family:${font};font-size:${pt(box.fontSize)};color:${color(box.color)};font-weight:${box.bold ? 700 : 400};text-align:${box.align}}`,
  );
  if (box.spaceAfter > 0)
    rules.push(`${selector} li:not(:last-child),${selector} p:not(:last-child){margin-bottom:${pt(box.spaceAfter)}}`);
  const inner = (i: number): string => (box.rich?.[i] ? richHtml(box.rich[i], mode) : escapeHtml(box.paragraphs[i]!));
  const content = box.bullets
    ? `<ul>${box.paragraphs.map((_, i) => `<li${box.rich?.[i]?.heading ? ' class="deck-group"' : ''}>${inner(i)}</li>`).join('')}</ul>`
    : box.paragraphs.map((_, i) => `<p>${inner(i)}</p>`).join('');
  return `<div class="deck-box deck-${box.role} ${className}" data-role="${box.role}">${content}</div>`;
}

/**
 * A paragraph's runs with their links: in print, real anchors, so the PDF's links can be clicked (Chromium
 * writes them as link annotations); in the preview a span, since the preview lives inside the app.
 */
function richHtml(paragraph: RichParagraph, mode: 'preview' | 'print'): string {
  return paragraph.runs
    .map((run) => {
      const url = safeUrl(run);
      if (url === null) return escapeHtml(run.text);
      if (mode === 'print') return `<a class="deck-link" href="${escapeHtml(url)}">${escapeHtml(run.text)}</a>`;
      return `<span class="deck-link">${escapeHtml(run.text)}</span>`;
    })
    .join('');
}

/** Under a slide in the preview: what its bullets leave out, which the speaker notes keep. */
function leftOutNote(slide: LaidOutSlide): string {
  if (!slide.leftOut) return '';
  const summary = describeLeftOut(slide.leftOut);
  if (summary === null) return '';
  const list = slide.leftOut.sentences.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return `<details class="deck-left-out" data-role="left-out"><summary>${escapeHtml(summary)}</summary>${list ? `<ul>${list}</ul>` : ''}</details>`;
}
