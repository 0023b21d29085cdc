/**
 * The root component, rendered once the boot (started by main.tsx) is done: the shell, or why the local
 * storage could not be opened. Until then the page shows index.html's "Starting Duet…".
 */
import { AppProvider, Shell } from '../features/shell';
import { profiled } from '../ui/profiled';
import { ToastProvider } from '../ui/Toasts';
import type { Boot } from './boot';

/** The root component; `boot` is how the start went (see boot.ts). */
export function App({ boot }: { boot: Boot }) {
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
