/**
 * Tells a narrative's chrome when its section comes near the visible part of the editor, so a 200-narrative
 * playbook renders the chips of the few sections on screen (and a generous margin around them) first,
 * instead of 400 React portals before the first paint. One observer per scroll container serves them all.
 */
import { useEffect, useState } from 'react';

/** How far outside the visible area a section counts as near (px): several screens of scrolling. */
const MARGIN = '4000px 0px';

const observers = new WeakMap<Element, IntersectionObserver>();
const listeners = new WeakMap<Element, () => void>();

function observerFor(root: Element | null): IntersectionObserver {
  const key = root ?? document.documentElement;
  let observer = observers.get(key);
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) if (entry.isIntersecting) listeners.get(entry.target)?.();
      },
      { root, rootMargin: MARGIN },
    );
    observers.set(key, observer);
  }
  return observer;
}

/** True once `element` has been near the viewport of its scroll container (and from then on). */
export function useSeenNearViewport(element: HTMLElement | null | undefined): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    if (!element || seen) return;
    if (typeof IntersectionObserver === 'undefined') return setSeen(true);
    const observer = observerFor(element.closest('.editor-scroll'));
    listeners.set(element, () => setSeen(true));
    observer.observe(element);
    return () => {
      observer.unobserve(element);
      listeners.delete(element);
    };
  }, [element, seen]);
  return seen;
}
