/**
 * The deck builder: pick narratives from the open playbook, order them, set each slide's options, fill in
 * the title and closing slides, see the deck live, and export PPTX or PDF.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { DEFAULT_BRAND, observeBrand, type BrandTheme } from '@shared/collab/brand';
import type { DeckNarrative, DeckSpec, EvidenceSource } from '@shared/deck/deckModel';
import { NARRATIVE_STATUS_LABELS } from '@shared/domain/narrative';
import type { Result } from '@shared/result';
import { Dialog } from '../../ui/Dialog';
import { useToasts } from '../../ui/Toasts';
import { BrandThemeEditor } from './BrandThemeEditor';
import { DeckPreview } from './DeckPreview';
import { exportPdf, exportPptx, layoutFromSources } from './exportDeck';
import { SlideOrderList } from './SlideOrderList';
import { useDelayedFlag } from './useDelayedFlag';
import { DeckExportWarning, type CautionedSlide, type NarrativeCaution } from './DeckExportWarning';

/** Props of DeckBuilderDialog. */
export interface DeckBuilderDialogProps {
  open: boolean;
  onClose: () => void;
  playbookTitle: string;
  narratives: DeckNarrative[];
  directory: Y.Doc;
  presenter: string;
  canEditBrand: boolean;
  evidence: EvidenceSource;
  /** Governance per narrative (absent: the status field is shown and nothing is checked). */
  caution?: NarrativeCaution;
}

/** Show the progress bar for exports that take longer than this. */
const PROGRESS_DELAY_MS = 300;

function initialSpec(title: string, presenter: string): DeckSpec {
  return {
    title,
    customer: '',
    presenter,
    date: new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }),
    includeTitleSlide: true,
    includeClosingSlide: true,
    closingMessage: 'Thank you',
    slides: [],
  };
}

/** The deck builder dialog. */
export function DeckBuilderDialog(props: DeckBuilderDialogProps) {
  const { narratives, directory, evidence } = props;
  const toasts = useToasts();
  const [spec, setSpec] = useState(() => initialSpec(props.playbookTitle, props.presenter));
  const [theme, setTheme] = useState<BrandTheme>(DEFAULT_BRAND);
  const [busy, setBusy] = useState<null | 'pptx' | 'pdf'>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [warning, setWarning] = useState<{ kind: 'pptx' | 'pdf'; slides: CautionedSlide[] } | null>(null);
  const showProgress = useDelayedFlag(busy !== null, PROGRESS_DELAY_MS);
  useEffect(() => observeBrand(directory, setTheme), [directory]);

  const byId = useMemo(() => new Map(narratives.map((n) => [n.id, n])), [narratives]);
  const sources = { spec, narratives, theme, evidence };
  const deferred = useDeferredValue(sources);
  const layout = useMemo(
    () => layoutFromSources(deferred),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the parts are what change, not the wrapper
    [deferred.spec, deferred.narratives, deferred.theme, deferred.evidence],
  );

  const chosen = new Set(spec.slides.map((s) => s.narrativeId));
  const update = (patch: Partial<DeckSpec>): void => setSpec((s) => ({ ...s, ...patch }));
  const toggle = (id: string, on: boolean): void =>
    update({
      slides: on
        ? [...spec.slides, { narrativeId: id, showProofPoints: true, showEvidence: true }]
        : spec.slides.filter((s) => s.narrativeId !== id),
    });

  /** Exports — or first warns about chosen narratives that are not approved as they stand. */
  const request = (kind: 'pptx' | 'pdf'): void => {
    const cautioned = spec.slides.flatMap((slide) => {
      const warningText = props.caution?.(slide.narrativeId)?.warning;
      const n = byId.get(slide.narrativeId);
      return warningText && n ? [{ narrativeId: n.id, title: n.title, warning: warningText }] : [];
    });
    if (cautioned.length > 0) setWarning({ kind, slides: cautioned });
    else void run(kind, spec);
  };

  const run = async (kind: 'pptx' | 'pdf', deck: DeckSpec): Promise<void> => {
    const sources = { spec: deck, narratives, theme, evidence };
    setBusy(kind);
    setProgress(null);
    try {
      const result: Result<{ path: string } | null> =
        kind === 'pptx'
          ? await exportPptx(sources, (done, total) => setProgress({ done, total }))
          : await exportPdf(sources);
      if (!result.ok) toasts.show({ kind: 'error', message: result.error.message });
      else if (result.value) toasts.show({ kind: 'success', message: `Saved the deck to ${result.value.path}` });
    } catch (error) {
      console.error('[deck] export failed', error);
      toasts.show({
        kind: 'error',
        message: 'The deck could not be exported. Try again; if it keeps failing, report it.',
      });
    } finally {
      setBusy(null);
    }
  };

  const footer = (
    <>
      {showProgress && (
        <div className="deck-progress" role="status" data-testid="deck-progress">
          <progress max={progress?.total ?? undefined} value={progress?.done ?? undefined} />
          {busy === 'pptx' ? `Building slides${progress ? ` ${progress.done} / ${progress.total}` : '…'}` : 'Printing…'}
        </div>
      )}
      <span className="deck-count muted">{layout.slides.length} slides</span>
      <button
        type="button"
        className="button"
        disabled={busy !== null || spec.slides.length === 0}
        onClick={() => request('pdf')}
      >
        Export PDF…
      </button>
      <button
        type="button"
        className="button button-primary"
        disabled={busy !== null || spec.slides.length === 0}
        onClick={() => request('pptx')}
      >
        Export PowerPoint…
      </button>
    </>
  );

  return (
    <Dialog title="Build a deck" open={props.open} onClose={props.onClose} wide footer={footer} testId="deck-builder">
      <div className="deck-builder">
        <div className="deck-controls">
          <fieldset className="deck-pick">
            <legend>Narratives</legend>
            {narratives.length === 0 && <p className="muted">This playbook has no narratives yet.</p>}
            <ul data-testid="deck-pick">
              {narratives.map((n) => (
                <li key={n.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(n.id)}
                      onChange={(e) => toggle(n.id, e.target.checked)}
                    />
                    <span className="deck-pick-title">{n.title || 'Untitled narrative'}</span>
                    <DeckStatus status={n.status} caution={props.caution?.(n.id) ?? null} />
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend>Slide order</legend>
            <SlideOrderList slides={spec.slides} narratives={byId} onChange={(slides) => update({ slides })} />
          </fieldset>
          <fieldset className="deck-fields">
            <legend>Title and closing slides</legend>
            <label>
              <input
                type="checkbox"
                checked={spec.includeTitleSlide}
                onChange={(e) => update({ includeTitleSlide: e.target.checked })}
              />
              Title slide
            </label>
            <label>
              Deck title
              <input value={spec.title} maxLength={200} onChange={(e) => update({ title: e.target.value })} />
            </label>
            <label>
              Customer
              <input value={spec.customer} maxLength={120} onChange={(e) => update({ customer: e.target.value })} />
            </label>
            <label>
              Presenter
              <input value={spec.presenter} maxLength={120} onChange={(e) => update({ presenter: e.target.value })} />
            </label>
            <label>
              Date
              <input value={spec.date} maxLength={60} onChange={(e) => update({ date: e.target.value })} />
            </label>
            <label>
              <input
                type="checkbox"
                checked={spec.includeClosingSlide}
                onChange={(e) => update({ includeClosingSlide: e.target.checked })}
              />
              Closing slide
            </label>
            <label>
              Closing message
              <input
                value={spec.closingMessage}
                maxLength={120}
                onChange={(e) => update({ closingMessage: e.target.value })}
              />
            </label>
          </fieldset>
          <BrandThemeEditor directory={directory} theme={theme} canEdit={props.canEditBrand} />
        </div>
        <DeckPreview layout={layout} />
      </div>
      {warning && (
        <DeckExportWarning
          slides={warning.slides}
          remaining={spec.slides.length - warning.slides.length}
          onCancel={() => setWarning(null)}
          onExportAnyway={() => {
            setWarning(null);
            void run(warning.kind, spec);
          }}
          onLeaveOut={() => {
            const left = new Set(warning.slides.map((s) => s.narrativeId));
            const kept = { ...spec, slides: spec.slides.filter((s) => !left.has(s.narrativeId)) };
            setWarning(null);
            setSpec(kept);
            void run(warning.kind, kept);
          }}
        />
      )}
    </Dialog>
  );
}

function DeckStatus({ status, caution }: { status: DeckNarrative['status']; caution: ReturnType<NarrativeCaution> }) {
  return (
    <>
      <span className={`deck-status status-${caution?.state ?? status}`}>
        {caution?.label ?? NARRATIVE_STATUS_LABELS[status]}
      </span>
      {caution?.warning && (
        <span className="deck-caution" title={caution.warning} data-testid="deck-caution">
          <span aria-hidden="true">⚠</span>
          <span className="visually-hidden">{caution.warning}</span>
        </span>
      )}
    </>
  );
}
