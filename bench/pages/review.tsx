/**
 * Review benchmarks, in the page so they run in the same engine as the app:
 * (a) aggregation of 100,000 deal entries with `scoreNarratives` beside a plain loop that only counts wins
 *     and decided deals per narrative (the least any aggregation must do);
 * (b) opening the review of a 200-narrative playbook that is open in an editor, as in the app: read the
 *     narratives and their texts from that editor's state (renderer/editor/readPlaybook.ts), aggregate 2,000
 *     deals and render ReviewView — beside a plain page given the same Y.Doc, which reads it (a headless
 *     Lexical pass, the least it can do without an editor) and renders a plain list of the titles. Also
 *     timed apart: the read from the open editor, ReviewView alone, and the plain list alone.
 * Exposes `window.duetReviewBench.run()` → medians in ms.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { DealEntry, DealOutcome, Reception } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { scoreNarratives } from '@shared/stats/narrativeReview';
import * as Y from 'yjs';
import { createPlaybookDoc, openHeadlessMirror, readPlaybookDoc } from '../../renderer/editor/headless';
import { $readNarratives } from '../../renderer/editor/narrativeOps';
import { $readNarrativeTexts } from '../../renderer/editor/narrativeText';
import { registerOpenEditor } from '../../renderer/editor/openEditors';
import { readPlaybook } from '../../renderer/editor/readPlaybook';
import { ReviewView } from '../../renderer/features/review/ReviewView';
import { generatedPlaybook } from './playbookSpecs';

const OUTCOMES: DealOutcome[] = ['won', 'lost-competitor', 'lost-no-decision', 'open'];
const RECEPTIONS: Reception[] = ['resonated', 'neutral', 'fell-flat'];

function makeDeals(count: number, narrativeIds: readonly string[]): DealEntry[] {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    account: `Account ${i}`,
    dealName: '',
    crmId: '',
    amount: 1000,
    currency: 'EUR',
    stage: 'decision',
    persona: ['CFO', 'COO', 'Fleet manager'][rand(3)]!,
    outcome: OUTCOMES[rand(4)]!,
    competitor: ['', 'Geotab', 'Samsara'][rand(3)]!,
    closeDate: `202${4 + rand(3)}-${String(1 + rand(12)).padStart(2, '0')}-1${rand(10)}`,
    narratives: [0, 1, 2].map((k) => ({
      narrativeId: narrativeIds[(i + k * 7) % narrativeIds.length]!,
      reception: RECEPTIONS[rand(3)]!,
    })),
    note: 'Note',
    perspective: 'rep',
    author: 'Bench',
    createdAt: i,
    updatedAt: i,
  }));
}

function plainLoop(deals: readonly DealEntry[]): Map<string, { won: number; decided: number }> {
  const out = new Map<string, { won: number; decided: number }>();
  for (let i = 0; i < deals.length; i++) {
    const d = deals[i]!;
    if (d.outcome === 'open') continue;
    for (let j = 0; j < d.narratives.length; j++) {
      const id = d.narratives[j]!.narrativeId;
      let c = out.get(id);
      if (c === undefined) out.set(id, (c = { won: 0, decided: 0 }));
      c.decided++;
      if (d.outcome === 'won') c.won++;
    }
  }
  return out;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => void, runs = 9): number {
  fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return median(samples);
}

async function run(): Promise<Record<string, number>> {
  const ids = Array.from({ length: 200 }, (_, i) => `n${i}`);
  const many = makeDeals(100_000, ids);
  const aggregate = time(() => void scoreNarratives(many));
  const baseline = time(() => void plainLoop(many));

  // The open editor: an editor bound to the playbook's document, holding its content.
  const editor = openHeadlessMirror();
  Y.applyUpdate(editor.doc, Y.encodeStateAsUpdate(createPlaybookDoc(generatedPlaybook(200, 3))));
  editor.read(() => {});
  const doc = editor.doc;
  registerOpenEditor(doc, editor.editor);
  const narratives = readPlaybook(doc, $readNarratives);
  const deals = makeDeals(
    2_000,
    narratives.map((n) => n.id),
  );
  const host = document.getElementById('root')!;
  const actor = { author: 'Bench', authorId: 'bench', moderator: false };
  const readOpen = (): { narratives: NarrativeSummary[]; texts: Map<string, string> } =>
    readPlaybook(doc, () => ({ narratives: $readNarratives(), texts: $readNarrativeTexts() }));
  const render = (element: React.ReactElement): void => {
    const root = createRoot(host);
    flushSync(() => root.render(element));
    root.unmount();
  };
  const review = (read: { narratives: NarrativeSummary[]; texts: Map<string, string> }): React.ReactElement => (
    <ReviewView
      narratives={read.narratives}
      narrativeTexts={read.texts}
      deals={deals}
      actor={actor}
      canWrite
      historyOf={() => []}
      onLogDeal={() => {}}
      onEditDeal={() => {}}
      today="2026-12-31"
    />
  );
  const list = (titles: NarrativeSummary[]): React.ReactElement => (
    <ol>
      {titles.map((n) => (
        <li key={n.id}>{n.title}</li>
      ))}
    </ol>
  );
  const once = readOpen();
  const readFromEditor = time(() => void readOpen(), 7);
  const reviewOnly = time(() => render(review(once)), 7);
  const listOnly = time(() => render(list(once.narratives)), 7);
  // The app reads what its review shows (usePlaybookNotes): the summaries and each narrative's text.
  const open = (plain: boolean): void =>
    render(plain ? list(readPlaybookDoc(doc, $readNarratives)) : review(readOpen()));
  const openReview = time(() => open(false), 7);
  const openBaseline = time(() => open(true), 7);
  return { aggregate, baseline, openReview, openBaseline, readFromEditor, reviewOnly, listOnly };
}

declare global {
  interface Window {
    duetReviewBench?: { run: typeof run };
  }
}
window.duetReviewBench = { run };
