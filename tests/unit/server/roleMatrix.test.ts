// The full role matrix: every role reads every kind of document; only the writers of that kind change it.
// A reader's forged updates (raw, bypassing any client check) leave the document byte-for-byte unchanged —
// in what a fresh client receives and in what the server stored (its SQLite file and journal) — and never
// reach another client.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectRaw,
  frameKind,
  openClient,
  readStoredState,
  syncFrame,
  waitForFrame,
  waitUntil,
  type RawSocket,
} from './helpers/clients';
import { DOC_KINDS, type DocKind } from '../../../shared/collab/docNames';
import { readInviteClaims } from '../../../shared/collab/inviteToken';
import { ACTIONS, canWrite, may, type Action } from '../../../shared/domain/permissions';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';
import { storedRows } from './helpers/storedRows';

const ROLES = ['storyteller', 'marketing', 'sales', 'viewer'] as const;
const DOCS = {
  directory: 'acme/directory',
  playbook: 'acme/playbook/p1',
  notes: 'acme/notes/p1',
  versions: 'acme/versions/p1',
  approvals: 'acme/approvals/p1',
  meetings: 'acme/meetings/m1',
  goals: 'acme/goals/acme',
  crm: 'acme/crm/acme',
} as const;
// The app's one permissions table: every action of the app writes one of these kinds, so walking every
// role × kind through the real server walks every action of the table too.
const DOCS_BY_KIND: Record<DocKind, string> = DOCS;
let server: ServerProcess;
const tokens: Record<string, string> = {};
const anchors: ReturnType<typeof openClient>[] = [];

async function rejectedReadOnly(): Promise<number> {
  const text = await (await fetch(`${server.httpUrl}/metrics`)).text();
  return Number(/duet_rejected_messages_total\{reason="read-only"\} (\d+)/.exec(text)?.[1] ?? 0);
}

/**
 * A forged update: a new Yjs client writing into the shared types the app uses. In a notes document the
 * writer logs a deal in their own name — the only new content a non-storyteller may add there (the
 * authorship rules have their own matrix in dealAuthorship.test.ts).
 */
function forgedUpdate(label: string, kind: DocKind, role: string): Uint8Array {
  const doc = new Y.Doc();
  if (kind === 'notes') {
    const authorId = readInviteClaims(tokens[role] as string)!.memberId;
    doc.getMap('dealEntries').set(label, JSON.stringify({ dealName: `forged by ${label}`, authorId }));
  } else {
    doc.getText('root').insert(0, `forged by ${label}`);
    doc.getMap('playbooks').set(label, 'x');
  }
  return Y.encodeStateAsUpdate(doc);
}

async function connected(docName: string, token: string): Promise<RawSocket> {
  const socket = await connectRaw(server.url, docName, token);
  if ('status' in socket) throw new Error(`refused with ${socket.status}`);
  await waitForFrame(socket, (b) => b[0] === 101);
  return socket;
}

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  for (const role of ROLES) tokens[role] = invite(data, 'acme', `${role}-1`, role);
  server = await startServer(data);
  // Seed each doc and keep a writer connected, so the doc stays loaded and its log is not compacted mid-test.
  for (const [kind, docName] of Object.entries(DOCS) as [DocKind, string][]) {
    const anchor = openClient(server.url, docName, tokens.storyteller as string);
    anchors.push(anchor);
    // A kind no member writes (the CRM status: the server's own) is only held open.
    if (!canWrite('storyteller', kind)) continue;
    anchor.doc.getText('root').insert(0, `seed of ${docName}`);
    await waitUntil(
      () => anchor.saved(),
      5_000,
      () => `seed of ${docName} not saved`,
    );
  }
}, 60_000);

afterAll(async () => {
  for (const anchor of anchors) anchor.destroy();
  await server?.stop();
});

describe('role matrix', () => {
  for (const role of ROLES) {
    for (const [kind, docName] of Object.entries(DOCS) as [keyof typeof DOCS, string][]) {
      const mayWrite = canWrite(role, kind);
      it(`a ${role} token ${mayWrite ? 'can' : 'cannot'} change the ${kind}`, async () => {
        const listener = await connected(docName, tokens.viewer as string);
        const writer = await connected(docName, tokens[role] as string);
        const session = JSON.parse(new TextDecoder().decode((writer.frames[0] as Uint8Array).subarray(2)));
        expect(session).toMatchObject({ role, canWrite: mayWrite, doc: docName });

        const stateBefore = await readStoredState(server.url, docName, tokens.viewer as string);
        const rowsBefore = await storedRows(server.dataDir, docName);
        const rejectedBefore = await rejectedReadOnly();
        const forged = forgedUpdate(`${role}-${kind}`, kind, role);
        writer.send(syncFrame(2, forged)); // an update
        writer.send(syncFrame(1, forgedUpdate(`${role}-${kind}-step2`, kind, role))); // and a sync step 2
        // Frames are handled in order: once the query's answer arrives, both forgeries were handled.
        writer.send(new Uint8Array([3]));
        await waitForFrame(writer, (b) => b[0] === 1);

        const stateAfter = await readStoredState(server.url, docName, tokens.viewer as string);
        const relayed = () => listener.frames.filter((b) => frameKind(b).step === 2).length;
        if (mayWrite) {
          expect(Buffer.from(stateAfter).equals(Buffer.from(stateBefore))).toBe(false);
          const reader = new Y.Doc();
          Y.applyUpdate(reader, stateAfter);
          if (kind === 'notes') expect(reader.getMap('dealEntries').has(`${role}-${kind}`)).toBe(true);
          else expect(reader.getText('root').toString()).toContain(`forged by ${role}-${kind}`);
          await waitUntil(
            () => relayed() === 2,
            5_000,
            () => 'writer update not relayed',
          );
          await waitForFrame(writer, (b) => b[0] === 100);
        } else {
          expect(Buffer.from(stateAfter).equals(Buffer.from(stateBefore))).toBe(true);
          expect(await storedRows(server.dataDir, docName)).toEqual(rowsBefore);
          expect(await rejectedReadOnly()).toBe(rejectedBefore + 2);
          expect(relayed()).toBe(0);
          expect(writer.frames.some((b) => b[0] === 100)).toBe(false);
          expect(writer.isClosed()).toBe(false); // dropped, not disconnected: the reader keeps reading
        }
        writer.ws.close();
        listener.ws.close();
      });
    }
  }

  it('a sales provider editing a playbook locally never changes the stored playbook', async () => {
    const docName = DOCS.playbook;
    const before = await readStoredState(server.url, docName, tokens.viewer as string);
    const sales = openClient(server.url, docName, tokens.sales as string);
    await waitUntil(
      () => sales.provider.synced && sales.session !== null,
      5_000,
      () => 'sales not synced',
    );
    expect(sales.session).toMatchObject({ role: 'sales', canWrite: false });
    sales.doc.getText('root').insert(0, 'sales edit');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sales.saved()).toBe(false); // the client can tell: nothing it wrote is stored
    expect(
      Buffer.from(await readStoredState(server.url, docName, tokens.viewer as string)).equals(Buffer.from(before)),
    ).toBe(true);
    sales.destroy();
  });

  it('covers every kind of document, and every action of the app writes one of them', () => {
    expect(Object.keys(DOCS_BY_KIND).sort()).toEqual([...DOC_KINDS].sort());
    for (const action of Object.keys(ACTIONS) as Action[]) {
      for (const role of ROLES) expect(may(role, action)).toBe(canWrite(role, ACTIONS[action]));
    }
  });
});
