/** What a screen shows before there is anything on it: what it is for and the first thing to do. */
import type { ReactNode } from 'react';

/** Props of EmptyState. */
export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
}

/** A friendly, instructive empty state. */
export function EmptyState({ title, children, actions, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state-art" aria-hidden="true">
        <span />
        <span />
      </div>
      <h2>{title}</h2>
      <div className="empty-state-text">{children}</div>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
