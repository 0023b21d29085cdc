/**
 * A word diff, readable without colour: insertions are underlined, deletions struck through, and each
 * carries visually hidden words ("inserted", "deleted") for screen readers — colour only adds to that.
 */
import type { TextPart } from '@shared/versions/compareVersions';

/** Renders diff parts as React text (never HTML), so user words cannot inject markup. */
export function DiffText({ parts }: { parts: readonly TextPart[] }) {
  return (
    <span className="diff-text">
      {parts.map((part, i) => {
        if (part.kind === 'same') return <span key={i}>{part.value}</span>;
        if (part.kind === 'inserted')
          return (
            <ins key={i} className="diff-ins" data-testid="diff-inserted">
              <span className="visually-hidden">[inserted: </span>
              {part.value}
              <span className="visually-hidden">]</span>
            </ins>
          );
        return (
          <del key={i} className="diff-del" data-testid="diff-deleted">
            <span className="visually-hidden">[deleted: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        );
      })}
    </span>
  );
}
