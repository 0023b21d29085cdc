// @vitest-environment happy-dom
// A virtualized list keeps one getItemKey while its items' keys are the same (the virtualizer re-lays out all
// rows whenever that function changes), and still answers with the latest key function.
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { useItemKey } from '../../../../renderer/ui/useItemKey';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('useItemKey', () => {
  it('is the same function across renders until the items change, and uses the latest key function', () => {
    const seen: ((index: number) => string | number)[] = [];
    function Probe({ items, keyOf }: { items: readonly string[]; keyOf: (item: string) => string }) {
      seen.push(useItemKey(items, keyOf));
      return null;
    }
    const root = createRoot(document.createElement('div'));
    const items = ['a', 'b'];
    act(() => root.render(<Probe items={items} keyOf={(s) => `k-${s}`} />));
    act(() => root.render(<Probe items={items} keyOf={(s) => `new-${s}`} />));
    expect(seen[1]).toBe(seen[0]);
    expect(seen[1]!(1)).toBe('new-b');
    act(() => root.render(<Probe items={['c']} keyOf={(s) => `new-${s}`} />));
    expect(seen[2]).not.toBe(seen[1]);
    expect(seen[2]!(0)).toBe('new-c');
    act(() => root.unmount());
  });

  it('stays the same for new items with the same keys in the same places, and changes when a key moves', () => {
    type Deal = { id: string; outcome: string };
    const seen: ((index: number) => string | number)[] = [];
    function Probe({ items }: { items: readonly Deal[] }) {
      seen.push(useItemKey(items, (d) => d.id));
      return null;
    }
    const root = createRoot(document.createElement('div'));
    const log = [
      { id: 'd1', outcome: 'won' },
      { id: 'd2', outcome: 'open' },
    ];
    act(() => root.render(<Probe items={log} />));
    // One deal edited in place: a new list, a new deal object, the same keys.
    const edited = [log[0]!, { id: 'd2', outcome: 'won' }];
    act(() => root.render(<Probe items={edited} />));
    expect(seen[1]).toBe(seen[0]);
    expect(seen[1]!(1)).toBe('d2');
    act(() => root.render(<Probe items={[edited[1]!, edited[0]!]} />));
    expect(seen[2]).not.toBe(seen[1]);
    expect([seen[2]!(0), seen[2]!(1)]).toEqual(['d2', 'd1']);
    act(() => root.render(<Probe items={[...edited, { id: 'd3', outcome: 'open' }]} />));
    expect(seen[3]).not.toBe(seen[2]);
    act(() => root.unmount());
  });
});
