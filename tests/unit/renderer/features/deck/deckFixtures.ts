/** Narratives, specs, themes and a real PNG logo for the deck tests. */
import { deflateSync } from 'node:zlib';
import { DEFAULT_BRAND, type BrandTheme } from '@shared/collab/brand';
import type { DeckNarrative, DeckSpec } from '@shared/deck/deckModel';
import { crc32 } from '@shared/format/crc32';
import type { NarrativeScore } from '@shared/stats/narrativeReview';
import { wilsonInterval } from '@shared/stats/wilson';

/** A narrative with sensible defaults. */
export function narrative(id: string, patch: Partial<DeckNarrative> = {}): DeckNarrative {
  return {
    id,
    title: `Narrative ${id}`,
    keyMessage: `Key message of ${id}.`,
    status: 'approved',
    persona: 'CFO',
    stage: 'decision',
    owner: 'Maya',
    proofPoints: [`Proof for ${id}`],
    body: [
      { kind: 'paragraph', text: `Opening of ${id}. A second sentence that stays in the notes.` },
      { kind: 'bullet', text: `First point of ${id}` },
      { kind: 'bullet', text: `Second point of ${id}` },
    ],
    ...patch,
  };
}

/** A narrative far too long for one slide. */
export function oversized(id: string): DeckNarrative {
  const sentence = 'Fleet managers lose whole days to unplanned breakdowns and every lost day costs real revenue';
  return narrative(id, {
    keyMessage:
      'Every hour a truck stands still costs more than a year of Fernway, and our customers see the difference inside the first quarter of use, across every depot and every shift they run',
    body: Array.from({ length: 24 }, (_, i) => ({ kind: 'bullet' as const, text: `${i + 1}: ${sentence} (${i}).` })),
    proofPoints: Array.from(
      { length: 14 },
      (_, i) => `Customer ${i + 1} cut downtime by ${10 + i}% in ${i + 2} months`,
    ),
  });
}

/** A deck spec for `ids`. */
export function deckSpec(ids: string[], patch: Partial<DeckSpec> = {}): DeckSpec {
  return {
    title: 'Fernway for Acme',
    customer: 'Acme Logistics',
    presenter: 'Maya Okafor',
    date: '12 March 2027',
    includeTitleSlide: true,
    includeClosingSlide: true,
    closingMessage: 'Thank you',
    slides: ids.map((narrativeId) => ({ narrativeId, showProofPoints: true, showEvidence: true })),
    ...patch,
  };
}

/** A review score with `won` of `decided` deals. */
export function score(narrativeId: string, won: number, decided: number): NarrativeScore {
  return {
    narrativeId,
    deals: decided,
    open: 0,
    won,
    lost: decided - won,
    lostToCompetitor: decided - won,
    lostNoDecision: 0,
    lossesCitingIt: 0,
    winRate: wilsonInterval(won, decided),
    smallSample: decided < 10,
  };
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A real `width`×`height` RGB PNG: a dark block and a coloured wordmark-like bar, as a data URL. */
export function pngLogo(width = 240, height = 80): string {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) {
      const mark = x < height;
      const bar = x > height + 10 && y > height * 0.35 && y < height * 0.65;
      const [r, g, b] = mark ? [232, 96, 60] : bar ? [27, 34, 48] : [255, 255, 255];
      rows.push(r, g, b);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

/** A branded theme with the logo. */
export function brandedTheme(): BrandTheme {
  return {
    ...DEFAULT_BRAND,
    primary: '#1d3557',
    accent: '#e76f51',
    logo: { dataUrl: pngLogo(), width: 240, height: 80 },
  };
}
