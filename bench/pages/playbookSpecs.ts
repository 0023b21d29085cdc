/**
 * Generated playbooks for the benchmarks. The text is varied (formats, links, lists, fields, proof points) so
 * that the editor does the work a real playbook makes it do, yet it is deterministic: every run, and the app
 * and its baseline within a run, see byte-for-byte the same content.
 */
import { BUYING_STAGES, NARRATIVE_STATUSES } from '@shared/domain/narrative';
import type { BlockSpec, NarrativeSpec, PlaybookSpec } from '../../renderer/editor/docSpec';

const PERSONAS = ['VP Operations', 'Fleet maintenance manager', 'CFO', 'Depot manager', 'Head of procurement'];

const SENTENCES = [
  'Every unplanned breakdown costs a mid-size fleet a day of revenue, a rental and an angry customer.',
  'Operators still learn about a failing part when the driver calls from the hard shoulder.',
  'The platform reads the telematics the trucks already send and predicts failures thirty days out.',
  'Work is booked into the quietest slot of the depot calendar, around routes and parts on hand.',
  'Finance sees the cost of downtime avoided next to the cost of the work, per vehicle and per month.',
  'Technicians get the job card, the part and the bay before the vehicle rolls in.',
];

/** The title of narrative `index` (1-based); benchmarks wait for the last one to be in the DOM. */
export function narrativeTitle(index: number): string {
  return `Narrative ${index}: uptime you can plan`;
}

function paragraph(seed: number): BlockSpec {
  const a = SENTENCES[seed % SENTENCES.length]!;
  const b = SENTENCES[(seed + 3) % SENTENCES.length]!;
  // Every fourth paragraph carries inline formats and a link, like real copy does.
  if (seed % 4 === 0)
    return {
      p: [
        a + ' ',
        { text: 'Proof beats adjectives.', bold: true },
        ' ',
        { text: 'case study', link: 'https://example.com/case' },
      ],
    };
  return { p: `${a} ${b}` };
}

function narrative(index: number, paragraphs: number): NarrativeSpec {
  const body: BlockSpec[] = [];
  for (let i = 0; i < paragraphs; i++) body.push(paragraph(index * 31 + i));
  // A list in every fifth narrative, so list nodes are part of the load too.
  if (index % 5 === 0)
    body.push({ ul: ['Failure predictions per part', 'Explained in plain words', 'Ranked by cost'] });
  return {
    id: `bench-n${index}`,
    title: narrativeTitle(index),
    keyMessage: `Key message ${index}: know three weeks ahead which vehicle will fail, and why.`,
    fields: {
      status: NARRATIVE_STATUSES[index % NARRATIVE_STATUSES.length],
      persona: PERSONAS[index % PERSONAS.length],
      stage: BUYING_STAGES[index % BUYING_STAGES.length],
      owner: 'Bench Owner',
      proofPoints: index % 2 === 0 ? [`Customer ${index} cut breakdowns by ${20 + (index % 30)}%`] : [],
    },
    body,
  };
}

/** A playbook of `narratives` narratives with `paragraphs` body paragraphs each, after a short intro. */
export function generatedPlaybook(narratives: number, paragraphs: number): PlaybookSpec {
  const list: NarrativeSpec[] = [];
  for (let i = 1; i <= narratives; i++) list.push(narrative(i, paragraphs));
  return {
    intro: [{ h: 1, text: 'Benchmark playbook' }, { p: 'Generated content for the Duet benchmarks.' }],
    narratives: list,
  };
}
