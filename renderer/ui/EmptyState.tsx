/** What a screen shows before there is anything on it: what it is for and the first thing to do. */
import type { ReactNode } from 'react';

/** Props of EmptyState. */
export interface EmptyStateProps {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  testId?: string;
  /** 1 when the empty state is the whole screen (its title is then the page's heading); 2 inside a screen. */
  headingLevel?: 1 | 2;
}

/** A friendly, instructive empty state. */
export function EmptyState({ title, children, actions, testId, headingLevel = 2 }: EmptyStateProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="empty-state" data-testid={testId}>
      <div className="empty-state-art" aria-hidden="true">
        <span />
        <span />
      </div>
      <Heading className="empty-state-title">{title}</Heading>
      <div className="empty-state-text">{children}</div>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
