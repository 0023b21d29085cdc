// The sync server reads a playbook's narratives without Lexical: what it reads must be exactly what the
// editor wrote (through the real Lexical–Yjs binding), titles with formatting included.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { matchNarratives, readPlaybookNarratives } from '../../../../shared/collab/playbookNarratives';
import { createPlaybookDoc } from '../../../../renderer/editor/headless';

function playbook(): Y.Doc {
  return createPlaybookDoc({
    intro: [{ h: 1, text: 'Acme playbook' }, { p: ['Read me first.'] }],
    narratives: [
      { id: 'n-speed', title: 'Faster onboarding', keyMessage: 'Live in a week.', body: [{ p: ['Proof.'] }] },
      { id: 'n-cost', title: 'Lower  total cost ', keyMessage: 'Half the price.', body: [] },
    ],
  } as never);
}

describe('reading narratives from a playbook document without Lexical', () => {
  it('finds every narrative with its id and title, in order, also from a copy sent over the wire', () => {
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(playbook()));
    expect(readPlaybookNarratives(copy)).toEqual([
      { id: 'n-speed', title: 'Faster onboarding' },
      { id: 'n-cost', title: 'Lower  total cost' },
    ]);
  });

  it('reads an empty document as no narratives', () => {
    expect(readPlaybookNarratives(new Y.Doc())).toEqual([]);
  });

  it('matches CRM values by id, then by title ignoring case, and reports the rest', () => {
    const refs = readPlaybookNarratives(playbook());
    expect(matchNarratives(refs, ['faster ONBOARDING', 'n-cost', 'Unknown pitch', 'n-speed'])).toEqual({
      ids: ['n-speed', 'n-cost'],
      unknown: ['Unknown pitch'],
    });
  });
});
