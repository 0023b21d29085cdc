/** Words for where an agenda item came from, shown as a small tag beside it. */
import type { AgendaKind } from '@shared/collab/meetingDoc';

/** The tag of each agenda kind. */
export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  goal: 'Goal',
  attention: 'Attention',
  mover: 'Mover',
  loss: 'Loss',
  changed: 'Changed',
  action: 'Open action',
  custom: 'Topic',
};
