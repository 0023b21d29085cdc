/** The title bar's "History" button. */

/** Props of HistoryToggle. */
export interface HistoryToggleProps {
  open: boolean;
  onToggle: () => void;
  count: number;
}

/** Opens or closes the version history. */
export function HistoryToggle({ open, onToggle, count }: HistoryToggleProps) {
  return (
    <button
      type="button"
      className={open ? 'button button-small is-active' : 'button button-small'}
      onClick={onToggle}
      aria-pressed={open}
      title="Versions of this playbook: save, compare, restore"
      data-testid="history-toggle"
    >
      {open ? 'Back to text' : count > 0 ? `History (${count})` : 'History'}
    </button>
  );
}
