// Approval is enforced by the server, not by the UI: raw frames carrying a well-formed approval decision,
// sent by any role but storyteller, leave the approvals document byte-for-byte unchanged; a storyteller's
// decision is stored and read back by everyone. Marketing can still request review (the versions document).
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDecision, readDecisions, type ApprovalDecision } from '../../../shared/collab/approvals';
import { addWorkflowRecord, readWorkflow } from '../../../shared/collab/reviewRequests';
import { approvalsDocName, versionsDocName } from '../../../shared/collab/docNames';
import { narrativeContentHash } from '../../../shared/governance/contentHash';
import { connectRaw, openClient, readStoredState, syncFrame, waitForFrame, waitUntil } from './helpers/clients';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from './helpers/serverProcess';

const APPROVALS = approvalsDocName('acme', 'p1');
const VERSIONS = versionsDocName('acme', 'p1');
const ROLES = ['storyteller', 'marketing', 'sales', 'viewer'] as const;
const HASH = narrativeContentHash({
  title: 'Positioning',
  keyMessage: 'Fewer breakdowns.',
  body: [],
  persona: '',
  stage: '',
  proofPoints: [],
});
let server: ServerProcess;
const tokens: Record<string, string> = {};

function decision(role: string): ApprovalDecision {
  return {
    id: `d-${role}`,
    narrativeId: 'n1',
    kind: 'approve',
    hash: HASH,
    title: 'Positioning',
    by: `${role} (claims storyteller)`,
    at: Date.now(),
    comment: 'Looks good',
    reviewBy: '2099-01-01',
  };
}

/** The update a client would send to add `record` to the approvals document. */
function forgedApproval(role: string): Uint8Array {
  const doc = new Y.Doc();
  addDecision(doc, decision(role));
  return Y.encodeStateAsUpdate(doc);
}

async function forge(role: string, docName: string, update: Uint8Array): Promise<void> {
  const socket = await connectRaw(server.url, docName, tokens[role] as string);
  if ('status' in socket) throw new Error(`refused with ${socket.status}`);
  await waitForFrame(socket, (b) => b[0] === 101);
  socket.send(syncFrame(2, update)); // an update
  socket.send(syncFrame(1, update)); // and a sync step 2
  socket.send(new Uint8Array([3])); // frames are handled in order: the answer to this comes after both
  await waitForFrame(socket, (b) => b[0] === 1);
  socket.ws.close();
}

beforeAll(async () => {
  buildServerOnce();
  const data = tempDataDir();
  for (const role of ROLES) tokens[role] = invite(data, 'acme', `${role}-1`, role);
  server = await startServer(data);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('forged approvals', () => {
  for (const role of ['marketing', 'sales', 'viewer'] as const) {
    it(`a ${role} token cannot approve a narrative, even with raw frames`, async () => {
      const before = await readStoredState(server.url, APPROVALS, tokens.viewer as string);
      await forge(role, APPROVALS, forgedApproval(role));
      const after = await readStoredState(server.url, APPROVALS, tokens.viewer as string);
      expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, after);
      expect(readDecisions(doc)).toEqual([]);
    });
  }

  it('a storyteller approves: the decision is stored with the approved hash for everyone', async () => {
    await forge('storyteller', APPROVALS, forgedApproval('storyteller'));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, await readStoredState(server.url, APPROVALS, tokens.sales as string));
    expect(readDecisions(doc)).toMatchObject([{ id: 'd-storyteller', narrativeId: 'n1', kind: 'approve', hash: HASH }]);
  });

  it('marketing requests review through its provider, and sales cannot', async () => {
    const marketing = openClient(server.url, VERSIONS, tokens.marketing as string);
    await waitUntil(
      () => marketing.provider.synced && marketing.session !== null,
      5_000,
      () => 'marketing not synced',
    );
    addWorkflowRecord(marketing.doc, {
      id: 'r1',
      narrativeId: 'n1',
      kind: 'request',
      title: 'Positioning',
      by: 'Mo',
      at: 1,
      note: '',
    });
    await waitUntil(
      () => marketing.saved(),
      5_000,
      () => 'request not stored',
    );
    marketing.destroy();
    const before = await readStoredState(server.url, VERSIONS, tokens.viewer as string);
    const forged = new Y.Doc();
    addWorkflowRecord(forged, { id: 'r2', narrativeId: 'n1', kind: 'retire', title: 'x', by: 'S', at: 2, note: '' });
    await forge('sales', VERSIONS, Y.encodeStateAsUpdate(forged));
    const after = await readStoredState(server.url, VERSIONS, tokens.viewer as string);
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, after);
    expect(readWorkflow(doc).map((r) => r.id)).toEqual(['r1']);
  });
});
