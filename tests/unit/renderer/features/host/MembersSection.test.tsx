// The members section as rendered HTML: every member with role, last seen and devices; revoked ones without
// controls; an empty state that teaches; errors in words with a way to retry. User text is escaped.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { HostMember } from '@shared/ipc/contract';
import { MembersSection, type MembersView } from '../../../../../renderer/features/host/MembersSection';

const NOW = 1_800_000_000;
const noop = () => {};

function member(patch: Partial<HostMember>): HostMember {
  return {
    id: 'm1',
    name: 'Sam',
    role: 'sales',
    createdAt: NOW - 999,
    lastSeenAt: null,
    devices: 0,
    revokedAt: null,
    ...patch,
  };
}

function render(view: Partial<MembersView>, selfId: string | null = null): string {
  const full: MembersView = { status: 'ready', members: [], error: null, busyId: null, pending: null, ...view };
  return renderToStaticMarkup(
    <MembersSection
      workspaceName="Acme"
      view={full}
      nowSeconds={NOW}
      selfId={selfId}
      onRoleChange={noop}
      onRevoke={noop}
      onConfirm={noop}
      onCancel={noop}
      onRetry={noop}
    />,
  );
}

/** The text of each table row, cells separated by " | ". */
function rows(html: string): string[] {
  return [...html.matchAll(/<tr class="host-member[^"]*"[^>]*>(.*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)]
      .map((cell) =>
        cell[1]!
          .replace(/<option[^>]*>[^<]*<\/option>/g, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .join(' | ')
      .trim(),
  );
}

describe('the members section', () => {
  it('lists each member with last seen and devices, and revoked members without controls', () => {
    const html = render({
      members: [
        member({ id: 'm1', name: 'Stella', role: 'storyteller', devices: 2, lastSeenAt: NOW - 30 }),
        member({ id: 'm2', name: 'Sam', role: 'sales', lastSeenAt: NOW - 300 }),
        member({ id: 'm3', name: 'Olu', role: 'viewer' }),
        member({ id: 'm4', name: 'Rita', role: 'marketing', revokedAt: NOW - 50 }),
      ],
    });
    expect(rows(html)).toEqual([
      'Stella |  | Connected now | 2 devices | Revoke',
      'Sam |  | 5 min ago | — | Revoke',
      'Olu |  | Never connected | — | Revoke',
      'Rita | marketing | Revoked | — |',
    ]);
    expect(html).toContain('aria-label="Role of Stella"');
    expect(html).toContain('aria-label="Revoke Sam"');
    expect(html).not.toContain('aria-label="Revoke Rita"');
    expect(html).not.toContain('aria-label="Role of Rita"');
    expect(html).toMatch(/<select aria-label="Role of Sam">.*<option value="sales" selected="">/);
  });

  it('marks this app’s own member as you, without a Revoke that would lock the host out', () => {
    const html = render(
      {
        members: [member({ id: 'm-host', name: 'Priya', role: 'storyteller' }), member({ id: 'm2', name: 'Sam' })],
      },
      'm-host',
    );
    expect(rows(html)).toEqual(['Priya you |  | Never connected | — |', 'Sam |  | Never connected | — | Revoke']);
    expect(html).toContain('aria-label="Role of Priya"');
    expect(html).not.toContain('aria-label="Revoke Priya"');
  });

  it('teaches what the section is for when nobody is invited yet', () => {
    const html = render({ members: [] });
    expect(html).toContain('data-testid="host-members-empty"');
    expect(html).toContain('Nobody has been invited to Acme yet.');
    expect(html).not.toContain('<table');
  });

  it('says loading until the first answer, and shows a failure in words with Try again', () => {
    expect(render({ status: 'loading' })).toContain('Loading members…');
    const failed = render({ status: 'error', error: 'Start hosting first.' });
    expect(failed).toMatch(/role="alert".*Start hosting first\..*Try again/);
    // A failed change keeps the list and says why, without offering to reload it.
    const changeFailed = render({ members: [member({})], error: 'Sam was already revoked.' });
    expect(changeFailed).toContain('Sam was already revoked.');
    expect(changeFailed).not.toContain('Try again');
  });

  it('disables the row being changed', () => {
    const html = render({ members: [member({ id: 'm1', name: 'Sam' })], busyId: 'm1' });
    expect(html).toContain('aria-busy="true"');
    expect(html).toMatch(/<select aria-label="Role of Sam" disabled="">/);
    expect(html).toContain('Saving…');
  });

  it('renders names as text, never as markup', () => {
    const html = render({ members: [member({ name: '<img src=x onerror=alert(1)>' })] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
