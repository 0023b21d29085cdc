/** The sidebar's "Needs review" entry, on the first screen (the list it opens, governance's, loads on first use). */
/** The sidebar entry: "Needs review" with its count. */
export function NeedsReviewEntry({
  count,
  active,
  onOpen,
}: {
  count: number | null;
  active: boolean;
  onOpen: () => void;
}) {
  return (
    <button
      type="button"
      className={active ? 'sidebar-needs-review is-active' : 'sidebar-needs-review'}
      aria-current={active ? 'page' : undefined}
      onClick={onOpen}
      data-testid="needs-review-entry"
    >
      <span>Needs review</span>
      <span className={count ? 'sidebar-count' : 'sidebar-count is-zero'} data-testid="needs-review-count">
        {count ?? '…'}
        <span className="visually-hidden"> narratives</span>
      </span>
    </button>
  );
}
