/**
 * Parts of the app that are not on the first screen — the review, the deck builder, CSV import, the host
 * dialog, meetings, the search palette, every dialog — load on first use, so the first screen parses only
 * what it shows. `lazyPart` turns a dynamic import into a component with the same props. While its chunk
 * loads, nothing shows for LOADING_DELAY_MS (from disk a chunk usually arrives sooner, and a "Loading…"
 * that flashes for a frame is noise), then a loading state shaped like what is coming: a dialog card, or a
 * panel. A chunk that cannot be loaded (a file missing after an update) says so, with "Try again".
 */
import {
  Component,
  lazy,
  Suspense,
  useEffect,
  useState,
  type ComponentType,
  type JSXElementConstructor,
  type ReactNode,
} from 'react';
import { retryingImport, withoutRetryQuery } from '../platform/retryingImport';

/** How long a part may take to load before its loading state shows. */
export const LOADING_DELAY_MS = 150;

/**
 * What the loading state looks like: a dialog-sized card over the window, a panel filling its place, or
 * nothing at all for a small part shown beside a bigger one that has its own loading state.
 */
export type LoadingShape = 'dialog' | 'panel' | 'quiet';

/** How a lazy part announces itself while it loads. */
export interface LazyPartOptions {
  /** Said while loading, e.g. "Opening the review…". */
  label: string;
  shape: LoadingShape;
}

/** A component whose code loads on first render; `preload` starts that load early (e.g. on hover). */
export type LazyPart<P> = ComponentType<P> & { preload: () => Promise<unknown> };

/** The props of a component export (none for a component that takes none). */
type PropsOf<C> =
  C extends JSXElementConstructor<infer P>
    ? unknown extends P
      ? Record<string, never>
      : P extends object
        ? P
        : never
    : never;

/**
 * A component that loads export `name` of the module `load()` imports, on first render — e.g.
 * `lazyPart(() => import('./ReviewView'), 'ReviewView', …)`.
 *
 * "Try again" after a failed fetch imports the file afresh (platform/retryingImport.ts): calling `load()`
 * again would replay the browser's remembered failure.
 */
export function lazyPart<M, K extends keyof M & string>(
  load: () => Promise<M>,
  name: K,
  options: LazyPartOptions,
): LazyPart<PropsOf<M[K]>> {
  // The export's props are checked here, at the call; inside, a component of some props P is all that matters.
  return lazyComponent<PropsOf<M[K]>>(load as () => Promise<Record<string, unknown>>, name, options);
}

function lazyComponent<P extends object>(
  load: () => Promise<Record<string, unknown>>,
  name: string,
  options: LazyPartOptions,
): LazyPart<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  let loaded: ComponentType<P> | null = null;
  const importModule = retryingImport(load);
  // A failed load is forgotten, so "Try again" imports afresh instead of replaying the rejection.
  const loadOnce = (): Promise<ComponentType<P>> =>
    (loading ??= importModule().then(
      (module) => (loaded = module[name] as ComponentType<P>),
      (error: unknown) => {
        loading = null;
        throw new PartLoadError(error);
      },
    ));
  const makeLazy = () => lazy(() => loadOnce().then((component) => ({ default: component })));
  let Loaded = makeLazy();

  function Part(props: P) {
    // Already loaded (preloaded, or shown before) when this instance mounts: render it directly, without a
    // suspended first render. Decided once per instance, so the loaded part is never remounted.
    const [Ready] = useState(() => loaded);
    const [attempt, setAttempt] = useState(0);
    if (Ready !== null) return <Ready {...props} />;
    const retry = (): void => {
      Loaded = makeLazy();
      setAttempt((n) => n + 1);
    };
    const Current = Loaded as unknown as ComponentType<P>;
    return (
      <PartErrorBoundary key={attempt} options={options} attempt={attempt} onRetry={retry}>
        <Suspense fallback={<PartLoading {...options} />}>
          <Current {...props} />
        </Suspense>
      </PartErrorBoundary>
    );
  }
  // A failed preload is not reported here: the part loads again when it renders, and says so if it fails.
  const preload = (): Promise<unknown> => loadOnce().catch(() => undefined);
  declared.push(preload);
  return Object.assign(Part, { preload });
}

/** Every part declared so far (modules declare theirs as they load), for prefetchParts. */
const declared: (() => Promise<unknown>)[] = [];

/** Longest wait for an idle moment before prefetching anyway (a busy machine may have none for long). */
const PREFETCH_IDLE_TIMEOUT_MS = 2000;

/**
 * Loads every declared part at the first idle moment `delayMs` after the call (and, as those chunks declare
 * parts of their own, those too): once the first screen is up, the rest of the app is fetched while nobody
 * waits for it — so a browser client whose server goes away (offline) still opens the deal form, and a first
 * use is instant. The fetches run in parallel; each chunk is evaluated as it arrives. When every part is in,
 * `<html data-parts="loaded">` says so (the app can work offline from then on). A round that fails (the
 * server went away first) is logged; its parts still load on first use, with "Try again" if they cannot.
 * Returns the canceller.
 */
export function prefetchParts(delayMs: number): () => void {
  let started = 0;
  let idle: number | undefined;
  let cancelled = false;
  const round = (): void => {
    if (cancelled) return;
    if (started === declared.length) {
      document.documentElement.dataset.parts = 'loaded';
      return;
    }
    const batch = declared.slice(started);
    started = declared.length;
    Promise.all(batch.map((preload) => preload())).then(round, (error: unknown) =>
      console.warn('[app] parts not prefetched; they load on first use', error),
    );
  };
  const timer = setTimeout(() => (idle = requestIdleCallback(round, { timeout: PREFETCH_IDLE_TIMEOUT_MS })), delayMs);
  return () => {
    cancelled = true;
    clearTimeout(timer);
    if (idle !== undefined) cancelIdleCallback(idle);
  };
}

/** The loading state, shown only once the part has taken longer than LOADING_DELAY_MS. */
export function PartLoading({ label, shape }: LazyPartOptions) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLate(true), LOADING_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  if (shape === 'quiet') return null;
  if (!late) return shape === 'panel' ? <div className="part-loading part-loading-panel" aria-busy="true" /> : null;
  const status = (
    <div className="part-loading-status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
  if (shape === 'panel') {
    return (
      <div className="part-loading part-loading-panel" aria-busy="true" data-testid="part-loading">
        {status}
      </div>
    );
  }
  return (
    <div className="part-loading part-loading-dialog" aria-busy="true" data-testid="part-loading">
      <div className="part-loading-card">{status}</div>
    </div>
  );
}

/** A chunk that could not be fetched or evaluated; the boundary below handles these and nothing else. */
class PartLoadError extends Error {
  constructor(cause: unknown) {
    // Shown on the card: the file as the app names it, without the query a retry added (`?retry=2`).
    super(withoutRetryQuery(cause instanceof Error ? cause.message : String(cause)), { cause });
    this.name = 'PartLoadError';
  }
}

interface BoundaryProps {
  options: LazyPartOptions;
  /** How many times loading was tried again (0 the first time). */
  attempt: number;
  onRetry: () => void;
  children: ReactNode;
}

/** Automatic attempts at a quiet part before it says it failed, like any other part. */
const QUIET_RETRIES = 4;

/**
 * Shows a failed chunk load with "Try again". A quiet part — one nobody asked for, shown beside something
 * bigger (a playbook's notes and versions, the search) — first tries again by itself, showing nothing, after
 * 1, 2, 4 and 8 s and at once when the browser is back online: a browser client whose server was down for the
 * moment the part was due gets it when the server returns. Only then does it show the card. (A file the part
 * imports that failed too stays failed until the page is loaded again — browsers keep failed modules — so
 * the card's advice to restart stands.) An error of the loaded part itself is not this boundary's business:
 * it is thrown on to the boundaries above.
 */
class PartErrorBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state = { error: null as Error | null };
  private stopRetrying: (() => void) | null = null;

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown): void {
    if (!(error instanceof PartLoadError)) return; // thrown on by render, reported where it is handled
    const { options, attempt, onRetry } = this.props;
    if (!this.retriesByItself()) {
      console.error(`[app] could not load a part of Duet (${options.label})`, error);
      return;
    }
    const delay = 1000 * 2 ** attempt;
    console.warn(`[app] could not load a part of Duet (${options.label}); trying again in ${delay / 1000} s`, error);
    const timer = setTimeout(onRetry, delay);
    window.addEventListener('online', onRetry, { once: true });
    this.stopRetrying = () => {
      clearTimeout(timer);
      window.removeEventListener('online', onRetry);
    };
  }

  override componentWillUnmount(): void {
    this.stopRetrying?.();
  }

  private retriesByItself(): boolean {
    return this.props.options.shape === 'quiet' && this.props.attempt < QUIET_RETRIES;
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (!(error instanceof PartLoadError)) throw error;
    if (this.retriesByItself()) return null;
    const card = (
      <div className="part-failed" role="alert" data-testid="part-failed">
        <strong>This part of Duet could not be loaded.</strong>
        <p>
          {navigator.onLine
            ? 'If Duet was just updated, restarting it helps.'
            : 'You are offline, and this part was not downloaded yet: try again once you are connected.'}{' '}
          Nothing you wrote is affected.
        </p>
        <p className="part-failed-detail">{error.message}</p>
        <button type="button" className="button button-primary" onClick={this.props.onRetry}>
          Try again
        </button>
      </div>
    );
    if (this.props.options.shape !== 'dialog') return <div className="part-loading part-loading-panel">{card}</div>;
    return <div className="part-loading part-loading-dialog">{card}</div>;
  }
}
