/**
 * The sample workspace: Fernway, a fictional maker of fleet-maintenance software, with the playbooks a real
 * marketing team would have. Realistic enough to explore every feature; every name and number is invented.
 */
import type { PlaybookTemplate } from '@shared/domain/playbook';
import type { PlaybookSpec } from '../../editor/docSpec';

/** One sample playbook. */
export interface SamplePlaybook {
  id: string;
  title: string;
  template: PlaybookTemplate;
  owner: string;
  spec: PlaybookSpec;
}

/** The sample workspace's id and name. */
export const SAMPLE_WORKSPACE = { id: 'sample-fernway', name: 'Fernway (sample)' } as const;

/** The sample's playbooks. */
export const SAMPLE_PLAYBOOKS: SamplePlaybook[] = [
  {
    id: 'fw-core',
    title: 'Fernway messaging house 2027',
    template: 'messaging-house',
    owner: 'Maya Okafor',
    spec: {
      intro: [
        { h: 1, text: 'Fernway messaging house 2027' },
        {
          p: [
            'Fernway keeps delivery and service fleets on the road. This house is the source for every deck, web page and talk track — ',
            { text: 'if a claim is not here, do not make it', bold: true },
            '.',
          ],
        },
      ],
      narratives: [
        {
          id: 'fw-positioning',
          title: 'Positioning: uptime you can plan',
          keyMessage:
            'For fleet operators with 50 to 5,000 vehicles, Fernway turns breakdowns into scheduled maintenance, unlike spreadsheets and dealer portals.',
          fields: { status: 'approved', persona: 'VP Operations', stage: 'awareness', owner: 'Maya Okafor' },
          body: [
            {
              p: 'Every unplanned breakdown costs a mid-size fleet a day of revenue, a rental and an angry customer. Most operators still learn about a failing part when the driver calls from the hard shoulder.',
            },
            {
              p: 'Fernway reads the telematics the trucks already send, predicts which parts will fail in the next 30 days, and books the work into the quietest slot of the depot’s calendar.',
            },
          ],
        },
        {
          id: 'fw-pillar-predict',
          title: 'Pillar: predict, don’t react',
          keyMessage: 'Know three weeks ahead which vehicle will fail, and why.',
          fields: {
            status: 'approved',
            persona: 'Fleet maintenance manager',
            stage: 'consideration',
            owner: 'Maya Okafor',
            proofPoints: [
              'Brightline Logistics cut roadside breakdowns by 41% in the first two quarters',
              'Predictions are right 87% of the time across 1.2 million vehicle-days',
            ],
          },
          body: [
            {
              p: 'Maintenance managers live by the calendar and die by the phone call. Give them the call before it happens.',
            },
            {
              ul: [
                'Failure predictions per part, per vehicle',
                'Explained in plain words: sensor, trend, threshold',
                'Ranked by cost of failure',
              ],
            },
          ],
        },
        {
          id: 'fw-pillar-depot',
          title: 'Pillar: a depot that runs itself',
          keyMessage: 'Work orders, parts and bays booked in one pass — no spreadsheet Friday.',
          fields: {
            status: 'in-review',
            persona: 'Depot manager',
            stage: 'evaluation',
            owner: 'Jonas Weber',
            proofPoints: ['Depot planning time down from 6 hours to 40 minutes a week at Kestrel Foods'],
          },
          body: [
            {
              p: 'Predictions are only worth something if the work gets done. Fernway schedules it around routes, technicians and parts on hand.',
            },
          ],
        },
        {
          id: 'fw-objections',
          title: 'Objection: “our telematics vendor already does this”',
          keyMessage: 'Telematics tells you where the truck is; Fernway tells you what to fix before it stops.',
          fields: { status: 'draft', persona: 'IT director', stage: 'decision', owner: 'Jonas Weber' },
          body: [
            { quote: '“We already pay Samsara / Geotab for dashboards.”' },
            {
              p: 'Good — Fernway reads that data. Dashboards show fault codes after the fact; we turn them into dated work orders. Offer the 30-day side-by-side on their own fleet.',
            },
          ],
        },
      ],
    },
  },
  {
    id: 'fw-cfo',
    title: 'CFO pitch: the cost of downtime',
    template: 'persona-pitch',
    owner: 'Priya Raman',
    spec: {
      intro: [
        { h: 1, text: 'CFO pitch' },
        { p: 'CFOs do not buy maintenance software. They buy fewer surprises in the operating budget.' },
      ],
      narratives: [
        {
          id: 'fw-cfo-pain',
          title: 'The pain: downtime is a line item nobody owns',
          keyMessage: 'Unplanned downtime costs a 500-vehicle fleet about $2.1M a year, spread over ten budget lines.',
          fields: { status: 'approved', persona: 'CFO', stage: 'awareness', owner: 'Priya Raman' },
          body: [
            {
              p: 'Rentals, overtime, late-delivery penalties, emergency parts: each one small, together a second fleet.',
            },
          ],
        },
        {
          id: 'fw-cfo-roi',
          title: 'The proof: payback inside two quarters',
          keyMessage: 'Customers recover the subscription in under six months from avoided rentals alone.',
          fields: {
            status: 'approved',
            persona: 'CFO',
            stage: 'decision',
            owner: 'Priya Raman',
            proofPoints: [
              'Median payback 5.2 months across 38 customers',
              'Kestrel Foods: $640k avoided rentals in year one',
            ],
          },
          body: [
            {
              ol: [
                'Baseline their last 12 months of breakdowns',
                'Apply our median reduction',
                'Compare with the subscription',
              ],
            },
          ],
        },
        {
          id: 'fw-cfo-ask',
          title: 'The ask: a 30-day downtime audit',
          keyMessage: 'No integration project: read-only access to telematics, a report in 30 days.',
          fields: { status: 'in-review', persona: 'CFO', stage: 'decision', owner: 'Priya Raman' },
          body: [{ p: 'The audit is free and produces a number the CFO can take to the board either way.' }],
        },
      ],
    },
  },
  {
    id: 'fw-competitive',
    title: 'Competitive: dealer portals',
    template: 'blank',
    owner: 'Jonas Weber',
    spec: {
      intro: [{ p: 'When the buyer says the OEM dealer portal is free.' }],
      narratives: [
        {
          id: 'fw-comp-mixed',
          title: 'Mixed fleets need one view',
          keyMessage: 'Dealer portals see one brand; the average Fernway customer runs four.',
          fields: { status: 'approved', persona: 'VP Operations', stage: 'evaluation', owner: 'Jonas Weber' },
          body: [{ p: 'Ask how many logins their planners juggle every Monday.' }],
        },
        {
          id: 'fw-comp-retired',
          title: 'Cheaper than the dealer (retired)',
          keyMessage: 'We undercut dealer service plans.',
          fields: { status: 'retired', persona: 'Procurement', stage: 'decision', owner: 'Jonas Weber' },
          body: [{ p: 'Retired in Q3: it started price conversations we could not win. Use “Mixed fleets” instead.' }],
        },
      ],
    },
  },
];
