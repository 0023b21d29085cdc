/** The content each playbook template starts with: real structure with prompts a storyteller fills in. */
import type { PlaybookTemplate } from '@shared/domain/playbook';
import type { PlaybookSpec } from '../../editor/docSpec';

const BLANK: PlaybookSpec = {
  intro: [{ p: 'What is this playbook for? Who should use it, and when?' }],
  narratives: [{ title: '', keyMessage: '', body: [{ p: '' }] }],
};

const MESSAGING_HOUSE: PlaybookSpec = {
  intro: [
    { h: 1, text: 'Messaging house' },
    {
      p: 'The roof is our positioning, the pillars hold it up, and proof points are the foundation. Every narrative below should trace back to one pillar.',
    },
  ],
  narratives: [
    {
      title: 'Positioning',
      keyMessage: 'For [who], [product] is the [category] that [key benefit], unlike [alternative].',
      fields: { stage: 'awareness' },
      body: [
        { h: 3, text: 'The problem we solve' },
        { p: 'Describe the status quo and what it costs the buyer today.' },
        { h: 3, text: 'Why now' },
        { p: 'What changed in the market that makes this urgent?' },
      ],
    },
    {
      title: 'Pillar 1 — ',
      keyMessage: 'One sentence a buyer would repeat to their boss.',
      fields: { stage: 'consideration' },
      body: [{ p: 'The story behind this pillar, told from the buyer’s point of view.' }],
    },
    {
      title: 'Pillar 2 — ',
      keyMessage: 'One sentence a buyer would repeat to their boss.',
      fields: { stage: 'consideration' },
      body: [{ p: 'The story behind this pillar, told from the buyer’s point of view.' }],
    },
    {
      title: 'Pillar 3 — ',
      keyMessage: 'One sentence a buyer would repeat to their boss.',
      fields: { stage: 'evaluation' },
      body: [{ p: 'The story behind this pillar, told from the buyer’s point of view.' }],
    },
    {
      title: 'Objection handling',
      keyMessage: 'Acknowledge, reframe, prove.',
      fields: { stage: 'decision' },
      body: [
        { quote: '“We already have a tool for this.”' },
        { p: 'Acknowledge what works today, then show the gap that costs them.' },
        { quote: '“It is too expensive.”' },
        { p: 'Reframe against the cost of the status quo; bring a customer number.' },
      ],
    },
  ],
};

const PERSONA_PITCH: PlaybookSpec = {
  intro: [
    { h: 1, text: 'Persona pitch' },
    { p: 'Who is this buyer? Their goals, what keeps them up at night, and how they measure success.' },
  ],
  narratives: [
    {
      title: 'The pain',
      keyMessage: 'Name the problem in the buyer’s own words.',
      fields: { stage: 'awareness' },
      body: [{ p: 'What does a bad week look like for this persona?' }],
    },
    {
      title: 'The promise',
      keyMessage: 'What their world looks like after choosing us.',
      fields: { stage: 'consideration' },
      body: [{ p: 'Paint the after picture: concrete, measurable, theirs.' }],
    },
    {
      title: 'The proof',
      keyMessage: 'Someone like them already got there.',
      fields: { stage: 'evaluation' },
      body: [{ p: 'A customer story with a number in it.' }],
    },
    {
      title: 'The ask',
      keyMessage: 'A small, safe next step.',
      fields: { stage: 'decision' },
      body: [{ p: 'What do we ask for at the end of the meeting, and why is it easy to say yes?' }],
    },
  ],
};

/** Content for a new playbook from `template`. */
export function templateSpec(template: PlaybookTemplate): PlaybookSpec {
  switch (template) {
    case 'messaging-house':
      return MESSAGING_HOUSE;
    case 'persona-pitch':
      return PERSONA_PITCH;
    case 'blank':
      return BLANK;
  }
}
