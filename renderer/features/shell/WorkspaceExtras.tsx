/**
 * What an open workspace does besides showing the sidebar and the playbook: the "Needs review" scan (in a
 * worker), the notice of meeting actions due, and full-text search with its palette. Loaded and mounted
 * once the workspace screen has been painted (WorkspaceView.tsx), so none of it delays a returning user's
 * first editable playbook; it renders only the palette, and hands the scan up through `onScan`.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { SearchHit } from '@shared/search/SearchEngine';
import { tokenize } from '@shared/search/searchText';
import { paletteCommands, runCommand } from '../../commands';
import { needsReviewScanner, type NeedsReviewScan } from '../governance';
import { useDueActionsNotice } from '../meetings';
import { requestJump, SearchPalette, useWorkspaceSearch } from '../search';
import { localDay } from '../versions';
import { useWorkspace } from './AppContext';

/** Props of WorkspaceExtras. */
export interface WorkspaceExtrasProps {
  playbooks: PlaybookMeta[];
  selectedId: string | null;
  needsReviewOpen: boolean;
  onScan: (scan: NeedsReviewScan) => void;
  onOpenMeetings: () => void;
  onSelect: (playbookId: string) => void;
  /** What the search palette opens with, or null while it is closed (its command is the workspace's). */
  paletteQuery: string | null;
  onClosePalette: () => void;
}

/** The background work and the search palette of the open workspace. */
export function WorkspaceExtras({
  playbooks,
  selectedId,
  needsReviewOpen,
  onScan,
  onOpenMeetings,
  onSelect,
  paletteQuery,
  onClosePalette,
}: WorkspaceExtrasProps) {
  const workspace = useWorkspace();
  useDueActionsNotice(onOpenMeetings);

  // The workspace's "Needs review" list: scanned from what this device stores when the workspace opens,
  // when another playbook is picked (what was done in the last one is stored by then) and when it is shown.
  // Not on every directory change: "last edited" is touched every few seconds while someone types.
  const listed = playbooks.map((p) => `${p.id}:${p.title}`).join('\n');
  const listedRef = useRef(playbooks);
  listedRef.current = playbooks;
  // In a worker: decoding every playbook and deal log is seconds of work for a company's workspace.
  const scanner = useMemo(() => needsReviewScanner(workspace.store), [workspace]);
  useEffect(() => () => scanner.dispose(), [scanner]);
  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(() => {
      void workspace
        .flushAll()
        .then(() => scanner.scan(workspace.id, listedRef.current, localDay(Date.now())))
        .then((result) => !cancelled && onScan(result))
        .catch((error: unknown) => {
          if (!cancelled) console.error('[governance] needs-review scan failed', error);
        });
    }, 400);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [workspace, scanner, listed, selectedId, needsReviewOpen, onScan]);

  const search = useWorkspaceSearch(workspace);
  const openHit = (hit: SearchHit): void => {
    onSelect(hit.playbookId);
    if (hit.kind === 'narrative')
      requestJump({ playbookId: hit.playbookId, narrativeId: hit.targetId, terms: hit.terms });
    if (hit.kind === 'note' && hit.narrativeId)
      requestJump({ playbookId: hit.playbookId, narrativeId: hit.narrativeId, terms: tokenize(hit.title) });
    if (hit.kind === 'deal') requestJump({ playbookId: hit.playbookId, dealId: hit.targetId, terms: hit.terms });
  };
  if (!search || paletteQuery === null) return null;
  return (
    <SearchPalette
      client={search}
      initialQuery={paletteQuery}
      playbookTitle={(id) => playbooks.find((p) => p.id === id)?.title ?? ''}
      commands={paletteCommands().map((c) => ({
        id: c.id,
        label: c.label,
        ...(c.keys ? { keys: c.keys } : {}),
        run: () => void runCommand(c.id),
      }))}
      onOpenHit={openHit}
      onClose={onClosePalette}
    />
  );
}
