/**
 * A playbook whose stored data cannot be read: says so, and offers to set the bytes aside (never overwriting
 * them) and start the playbook over. Its own file, loaded when it shows: a start that reads fine never needs it.
 */
import type { AppError } from '@shared/result';
import { EmptyState } from '../../ui/EmptyState';

/** Props of PlaybookUnreadable. */
export interface PlaybookUnreadableProps {
  title: string;
  error: AppError;
  /** Sets the damaged data aside and opens the playbook again, empty. */
  onStartOver: () => void | Promise<void>;
}

/** The unreadable playbook's notice and its one action. */
export function PlaybookUnreadable({ title, error, onStartOver }: PlaybookUnreadableProps) {
  return (
    <EmptyState
      title={`“${title}” could not be read`}
      testId="playbook-unreadable"
      actions={
        <button type="button" className="button button-primary" onClick={() => void onStartOver()}>
          Keep the damaged data aside and start this playbook over
        </button>
      }
    >
      <p>{error.message}</p>
      <p>
        Nothing has been changed or deleted. If you start over, the unreadable data is kept aside on this device (it is
        never overwritten) and can be recovered by support.
      </p>
    </EmptyState>
  );
}
