/**
 * Who else is in this playbook right now: one avatar per connected person, in their cursor colour, from the
 * awareness states the editor's binding publishes. Name and role are the server's (it rewrites every
 * presence with the member of the connection's token); the colour is the client's.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

interface Person {
  clientId: number;
  name: string;
  /** The member's role as the server states it; empty without a sync server. */
  role: string;
  color: string;
}

function readPeople(awareness: Awareness): Person[] {
  const people: Person[] = [];
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === awareness.clientID) return;
    const name = typeof state.name === 'string' ? state.name.slice(0, 80) : '';
    const color = typeof state.color === 'string' && /^#[0-9a-f]{3,8}$/i.test(state.color) ? state.color : '#5a6274';
    const role = typeof state.role === 'string' ? state.role.slice(0, 20) : '';
    if (name) people.push({ clientId, name, role, color });
  });
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

function samePeople(a: Person[], b: Person[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => {
      const q = b[i]!;
      return p.clientId === q.clientId && p.name === q.name && p.role === q.role && p.color === q.color;
    })
  );
}

/** Avatars of the other people in the document. */
export function PresenceBar({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState<Person[]>(() => readPeople(awareness));
  useEffect(() => {
    // The awareness changes with every caret move, this person's own included: only a change in who is
    // here (or how they are shown) re-renders the avatars, so typing re-renders nothing here.
    const handleChange = (): void =>
      setPeople((previous) => {
        const next = readPeople(awareness);
        return samePeople(previous, next) ? previous : next;
      });
    awareness.on('change', handleChange);
    handleChange();
    return () => awareness.off('change', handleChange);
  }, [awareness]);
  if (people.length === 0) return null;
  return (
    <div className="presence" data-testid="presence" aria-label={`Also here: ${people.map((p) => p.name).join(', ')}`}>
      {people.slice(0, 6).map((p) => (
        <span
          key={p.clientId}
          className="presence-avatar"
          title={p.role ? `${p.name} (${p.role})` : p.name}
          data-color={p.color}
          ref={(el) => el?.style.setProperty('--who', p.color)}
        >
          {p.name.slice(0, 1).toUpperCase()}
        </span>
      ))}
      {people.length > 6 && <span className="presence-more">+{people.length - 6}</span>}
    </div>
  );
}
