/** A small "Copy" button that says "Copied" for a moment after it put its text on the clipboard. */
import { useEffect, useState } from 'react';

/** Copies `text`; `label` names what is copied, for screen readers. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(timer);
  }, [state]);
  const handleClick = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      (error: unknown) => {
        console.warn('[host] copy failed', error);
        setState('failed');
      },
    );
  };
  return (
    <button type="button" className="button button-small" onClick={handleClick} aria-label={`Copy ${label}`}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}
