// @vitest-environment happy-dom
// A virtualized list keeps one getItemKey while its items are the same (the virtualizer re-lays out all
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
});
