/** Messages between the app and the Needs review worker (plain data: they are structured-cloned). */
import type { PlaybookMeta } from '@shared/domain/playbook';
import type { NeedsReviewScan } from './scanNeedsReview';

/** Scan these playbooks of a workspace as of `today` (yyyy-mm-dd). */
export interface ScanRequest {
  id: number;
  workspaceId: string;
  playbooks: PlaybookMeta[];
  today: string;
}

/** The scan, or why it failed (a stored document could not be read). */
export type ScanReply = { id: number; ok: true; scan: NeedsReviewScan } | { id: number; ok: false; message: string };
