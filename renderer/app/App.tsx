/** The root component: "Starting Duet…" until the boot (started by main.tsx) is done, then the shell. */
import { useEffect, useState } from 'react';
import { AppProvider, Shell } from '../features/shell';
import { profiled } from '../ui/profiled';
import { ToastProvider } from '../ui/Toasts';
import type { Boot } from './boot';

/** The root component; `boot` is the start already under way (see boot.ts). */
export function App({ boot: booting }: { boot: Promise<Boot> }) {
  const [boot, setBoot] = useState<Boot | null>(null);
  useEffect(() => {
    let current = true;
    void booting.then((done) => current && setBoot(done));
    return () => {
      current = false;
    };
  }, [booting]);
  if (boot === null) return <div className="loading">Starting Duet…</div>;
  if (boot.status === 'failed') {
    return (
      <div className="fatal" role="alert">
        <h1>Duet could not open its local storage</h1>
        <p>{boot.message}</p>
        <p>Your data has not been changed. Close other Duet windows and try again.</p>
      </div>
    );
  }
  return (
    <ToastProvider>
      <AppProvider stores={boot.stores}>{profiled('app', <Shell />)}</AppProvider>
    </ToastProvider>
  );
}
