// The server's view of who is connected: devices per member, membership changes applied to open
// connections, and "last seen" written at most once a minute per member, without losing the last sighting.
import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../server/auth/authorizeUpgrade';
import type { Member } from '../../../../server/auth/Members';
import { ConnectedMembers, type MemberConnection } from '../../../../server/sync/ConnectedMembers';

function member(id: string, patch: Partial<Member> = {}): Member {
  return { id, workspace: 'acme', name: id, role: 'sales', createdAt: 0, revokedAt: null, lastSeenAt: null, ...patch };
}

function fakeMembers(rows: Member[]) {
  const table = new Map(rows.map((m) => [m.id, m]));
  const writes: [string, number][] = [];
  return {
    table,
    writes,
    get: async (id: string) => table.get(id) ?? null,
    markSeen: async (id: string, at: number) => void writes.push([id, at]),
  };
}

function connection(memberId: string, device: string | null, role: Member['role'] = 'sales') {
  const closes: [number, string][] = [];
  const session = { memberId, device, role } as Session;
  const conn: MemberConnection & { closes: typeof closes } = {
    session,
    closes,
    close: (code, reason) => void closes.push([code, reason]),
  };
  return conn;
}

describe('ConnectedMembers', () => {
  it('counts distinct devices per member; a connection without a device id is a device of its own', () => {
    const members = fakeMembers([member('sam'), member('ada')]);
    const connected = new ConnectedMembers(members, () => 1000);
    // Sam's app has three documents open on his laptop and one on his desktop.
    for (const device of ['laptop-0001', 'laptop-0001', 'laptop-0001', 'desktop-001']) {
      connected.add(connection('sam', device));
    }
    // Ada uses two stock clients that send no device id.
    connected.add(connection('ada', null));
    const last = connection('ada', null);
    connected.add(last);
    expect(connected.devices()).toEqual(
      new Map([
        ['sam', 2],
        ['ada', 2],
      ]),
    );
    connected.remove(last);
    expect(connected.devices().get('ada')).toBe(1);
  });

  it('closes revoked members for good and role changes for a reconnect', async () => {
    const members = fakeMembers([member('sam'), member('ada'), member('rita')]);
    const connected = new ConnectedMembers(members, () => 1000);
    const sam = connection('sam', 'laptop-0001');
    const ada = connection('ada', 'laptop-0002');
    const rita = connection('rita', 'laptop-0003');
    for (const c of [sam, ada, rita]) connected.add(c);
    members.table.set('ada', member('ada', { role: 'marketing' }));
    members.table.set('rita', member('rita', { revokedAt: 999 }));
    await connected.check();
    expect(sam.closes).toEqual([]);
    expect(ada.closes).toEqual([[4501, 'role-changed']]);
    expect(rita.closes).toEqual([[4403, 'revoked']]);
  });

  it('writes last seen at once, then at most once a minute, and the last sighting when the minute is over', async () => {
    const members = fakeMembers([member('sam')]);
    let now = 1000;
    const connected = new ConnectedMembers(members, () => now);
    const first = connection('sam', 'laptop-0001');
    connected.add(first);
    now = 1010;
    connected.remove(first);
    const second = connection('sam', 'laptop-0001');
    connected.add(second);
    expect(members.writes).toEqual([['sam', 1000]]);
    now = 1059;
    await connected.check();
    expect(members.writes).toHaveLength(1);
    now = 1061;
    await connected.check();
    expect(members.writes).toEqual([
      ['sam', 1000],
      ['sam', 1061],
    ]);
    now = 1070;
    connected.remove(second);
    await connected.flush();
    expect(members.writes.at(-1)).toEqual(['sam', 1070]);
    connected.add(connection('sam', 'laptop-0001'));
    expect(members.writes).toHaveLength(3);
  });
});
