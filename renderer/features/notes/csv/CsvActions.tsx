/**
 * "Import CSV…" and "Export CSV" for the deal log. The picked file is decoded here (a file that is not text
 * is refused at once, with what it looks like); everything after that happens in ImportDialog.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DealEntry } from '@shared/domain/deal';
import type { NarrativeSummary } from '@shared/domain/narrative';
import { downloadBytes } from '../../../platform/downloadBytes';
import { Dialog } from '../../../ui/Dialog';
import { CSV_MAX_BYTES, decodeCsvBytes, tooLargeMessage, type DecodedCsv } from './decodeCsv';
import { dealsToCsv } from './exportCsv';
import { ImportDialog } from './ImportDialog';
import { onCsvDropHeld, takeHeldCsvDrop } from '../../review/heldCsvDrop';
import type { DealActor } from '@shared/collab/notes';

/** Props of CsvActions. */
export interface CsvActionsProps {
  doc: Y.Doc;
  deals: readonly DealEntry[];
  narratives: readonly NarrativeSummary[];
  actor: DealActor;
  canWrite: boolean;
  /** The notes document is linked to a sync server (an import is then paced below its rate limit). */
  linked: boolean;
  /**
   * Why the log cannot be imported into or exported now (null when it can): while the team's log is still
   * arriving, an export would miss deals and an import would not see the ones it already has.
   */
  notYet?: string | null;
}

/** The two toolbar buttons and the import dialog. */
export function CsvActions({ doc, deals, narratives, actor, canWrite, linked, notYet = null }: CsvActionsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array; decoded: DecodedCsv } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const handleFile = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    // Checked before reading, so a 2 GB file picked by mistake is never loaded into memory.
    if (picked.size > CSV_MAX_BYTES) return setProblem(tooLargeMessage(picked.size));
    const bytes = new Uint8Array(await picked.arrayBuffer());
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) return setProblem(decoded.message);
    setProblem(null);
    setFile({ name: picked.name, bytes, decoded });
  };

  // A CSV file dropped anywhere on the review (the element marked data-drop-zone="csv" around these
  // buttons) starts the same import as "Import CSV…". The drop stops here, so the window's own drop
  // handling (workspace files) never sees it.
  const handleFileRef = useRef(handleFile);
  handleFileRef.current = handleFile;
  const notYetRef = useRef(notYet);
  notYetRef.current = notYet;
  useEffect(() => {
    const zone = fileInput.current?.closest<HTMLElement>('[data-drop-zone="csv"]');
    if (!zone) return;
    const importDropped = (dropped: File): void => {
      if (!canWrite)
        return setProblem('Your role can read the deal log but not add to it, so deals cannot be imported.');
      if (notYetRef.current) return setProblem(notYetRef.current);
      void handleFileRef.current(dropped);
    };
    const carriesFiles = (event: DragEvent): boolean => Boolean(event.dataTransfer?.types.includes('Files'));
    const handleDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      zone.dataset.dragging = 'true';
    };
    const handleDragLeave = (event: DragEvent): void => {
      if (event.relatedTarget instanceof Node && zone.contains(event.relatedTarget)) return;
      delete zone.dataset.dragging;
    };
    const handleDrop = (event: DragEvent): void => {
      delete zone.dataset.dragging;
      const dropped = event.dataTransfer?.files[0];
      if (!carriesFiles(event) || !dropped || !dropped.name.toLowerCase().endsWith('.csv')) return;
      event.preventDefault();
      event.stopPropagation();
      importDropped(dropped);
    };
    // A file dropped on the review while this part was still loading was held by the review for it.
    const takeHeld = (): void => {
      const held = takeHeldCsvDrop();
      if (held) importDropped(held);
    };
    takeHeld();
    const stopTaking = onCsvDropHeld(takeHeld);
    zone.addEventListener('dragover', handleDragOver);
    zone.addEventListener('dragleave', handleDragLeave);
    zone.addEventListener('drop', handleDrop);
    return () => {
      stopTaking();
      zone.removeEventListener('dragover', handleDragOver);
      zone.removeEventListener('dragleave', handleDragLeave);
      zone.removeEventListener('drop', handleDrop);
    };
  }, [canWrite]);

  const exportCsv = (): void => {
    const titles = new Map(narratives.map((n) => [n.id, n.title]));
    // The byte-order mark makes Excel read the file as UTF-8.
    downloadBytes(`\ufeff${dealsToCsv(deals, (id) => titles.get(id))}`, 'deal-notes.csv', 'text/csv;charset=utf-8');
  };

  return (
    <>
      {canWrite && (
        <button
          type="button"
          className="button"
          onClick={() => fileInput.current?.click()}
          disabled={notYet !== null}
          title={notYet ?? undefined}
          data-testid="csv-import"
        >
          Import CSV…
        </button>
      )}
      <button
        type="button"
        className="button"
        onClick={exportCsv}
        disabled={deals.length === 0 || notYet !== null}
        title={notYet ?? undefined}
        data-testid="csv-export"
      >
        Export CSV
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".csv,.txt,text/csv"
        hidden
        data-testid="csv-file"
        onChange={(e) => {
          void handleFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Dialog open={problem !== null} title="This file cannot be imported" onClose={() => setProblem(null)}>
        <p role="alert" data-testid="csv-refusal">
          {problem}
        </p>
      </Dialog>
      {file && (
        <ImportDialog
          {...file}
          doc={doc}
          narratives={narratives}
          actor={actor}
          paced={linked}
          onClose={() => setFile(null)}
        />
      )}
    </>
  );
}
