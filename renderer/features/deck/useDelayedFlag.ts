/** A flag that turns on only after `delayMs` of `active`: quick exports show no flash of a progress bar. */
import { useEffect, useState } from 'react';

/** True once `active` has stayed true for `delayMs`; false again as soon as it is false. */
export function useDelayedFlag(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return shown;
}
