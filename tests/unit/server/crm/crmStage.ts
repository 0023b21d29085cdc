/**
 * The stage both CRM sync tests play on: the REAL server process (spawned like `npm run sync-server`) with a
 * workspace "acme" — Ada the storyteller, Sam in sales invited with sam@acme.test (a CRM owner is matched to
 * a member by e-mail) — and a playbook p1 whose narratives "Faster onboarding" (n-speed) and "Lower cost"
 * (n-cost) are written as the editor writes them.
 */
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { readInviteClaims } from '../../../../shared/collab/inviteToken';
import type { CrmCursor } from '../../../../server/crm/CrmConnector';
import { readPlaybookNarratives } from '../../../../shared/collab/playbookNarratives';
import { createPlaybookDoc } from '../../../../renderer/editor/headless';
import { openClient, waitUntil, type Client } from '../helpers/clients';
import { buildServerOnce, invite, startServer, tempDataDir, type ServerProcess } from '../helpers/serverProcess';

/** A running stage. */
export interface CrmStage {
  dataDir: string;
  storyteller: string;
  sam: string;
  samId: string;
  /** The client that stored the playbook (still connected: `destroy` it to leave the server alone with it). */
  playbookClient: Client;
  /** The server process; `restart` replaces it. */
  server: ServerProcess;
  /** A client of `docName` (as the storyteller unless another token is given), closed by `close`. */
  open(docName: string, token?: string): Client;
  /** The cursor the server stored for the workspace's CRM connection (read from its SQLite file). */
  crmCursor(): CrmCursor;
  /** Starts the server again on the same data (after it was stopped or killed). */
  restart(): Promise<void>;
  /** Closes every client and stops the server. */
  close(): Promise<void>;
}

/** Builds the server if needed, creates the workspace and starts the server. */
export async function startCrmStage(): Promise<CrmStage> {
  buildServerOnce();
  const dataDir = tempDataDir();
  const storyteller = invite(dataDir, 'acme', 'Ada', 'storyteller');
  const sam = invite(dataDir, 'acme', 'Sam', 'sales', ['--email', 'sam@acme.test']);
  const clients: Client[] = [];
  const stage: CrmStage = {
    dataDir,
    storyteller,
    sam,
    samId: readInviteClaims(sam)!.memberId,
    playbookClient: null as unknown as Client, // set below, once the server runs
    server: await startServer(dataDir),
    open(docName, token = storyteller) {
      const client = openClient(stage.server.url, docName, token);
      clients.push(client);
      return client;
    },
    crmCursor() {
      const db = new DatabaseSync(join(dataDir, 'duet.sqlite'), { readOnly: true });
      try {
        const row = db.prepare('SELECT cursor FROM crm_connections WHERE workspace = ?').get('acme') as
          { cursor: string } | undefined;
        if (!row) throw new Error('no CRM connection stored');
        return JSON.parse(row.cursor) as CrmCursor;
      } finally {
        db.close();
      }
    },
    async restart() {
      stage.server = await startServer(dataDir);
    },
    async close() {
      for (const client of clients) client.destroy();
      await stage.server.stop();
    },
  };
  const playbook = stage.open('acme/playbook/p1');
  stage.playbookClient = playbook;
  createPlaybookDoc(
    {
      intro: [],
      narratives: [
        { id: 'n-speed', title: 'Faster onboarding', keyMessage: 'Live in a week.', body: [] },
        { id: 'n-cost', title: 'Lower cost', keyMessage: 'Half the price.', body: [] },
      ],
    } as never,
    playbook.doc,
  );
  // Not `playbook.saved()`: the headless editor writes the playbook under a Yjs client id of its own, not the
  // doc's, and `saved()` compares the doc's own id only — it held before anything reached the server. That
  // no-op wait is why `crm connect` could read an empty playbook under load (issue #15). Instead, wait until
  // a second client, fresh from the server, reads both narratives.
  const reader = openClient(stage.server.url, 'acme/playbook/p1', storyteller);
  try {
    await waitUntil(
      () => readPlaybookNarratives(reader.doc).length === 2,
      10_000,
      () => 'playbook not stored',
    );
  } finally {
    reader.destroy();
  }
  return stage;
}
