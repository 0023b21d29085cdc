// A stress test for an ordering once seen failing under load (issue #15): `crm connect` runs before any
// notes client has connected, on a server whose playbook a client has just stored (the CRM stage), and the
// first synced Opportunity arrived with no narratives — the runner had read none from the playbook. Each
// iteration is a fresh REAL server process and data folder, with a busy process beside it to load the
// machine; every iteration must give the first deal its narratives. In every other iteration the device
// that stored the playbook has gone before `crm connect` (the server unloads and compacts the playbook,
// and the runner loads it again from storage, possibly while that is under way).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCrmStatus } from '../../../../shared/collab/crmStatus';
import { readDeals } from '../../../../shared/collab/notes';
import { waitUntil } from '../helpers/clients';
import { runCli } from '../helpers/serverProcess';
import { crmConnectArgs } from './crmConnectArgs';
import { startCrmStage } from './crmStage';
import type { FakeSalesforce } from './salesforce/fakeSalesforce/FakeSalesforce';
import { CLIENT_ID, opportunity, startFakeOrg, USERNAME } from './salesforce/fakeSalesforce/fakeOrg';

const ITERATIONS = Number(process.env.DUET_CRM_STRESS_ITERATIONS ?? 20);

let fake: FakeSalesforce;
let keyPem: string;
let load: ChildProcess | null = null;

beforeAll(async () => {
  const org = await startFakeOrg([
    opportunity(0, Date.parse('2026-11-02T09:00:00.000Z'), {
      'Account.Name': 'Globex',
      Duet_Narratives__c: 'Faster onboarding;Lower cost',
    }),
  ]);
  fake = org.fake;
  keyPem = org.keys.privateKeyPem;
  // Load: a process that keeps one core busy for as long as the test runs.
  load = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
});

afterAll(async () => {
  load?.kill('SIGKILL');
  await fake?.close();
});

describe('crm connect before any notes client (stress)', () => {
  it(`gives the first synced deal its narratives, ${ITERATIONS} times out of ${ITERATIONS}`, async () => {
    const failures: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const stage = await startCrmStage();
      try {
        if (i % 2 === 1) stage.playbookClient.destroy();
        const keyFile = join(stage.dataDir, 'sf.key');
        writeFileSync(keyFile, keyPem, { mode: 0o600 });
        const target = {
          provider: 'salesforce',
          url: fake.url,
          clientId: CLIENT_ID,
          keyFile,
          username: USERNAME,
        } as const;
        runCli([...crmConnectArgs(target), '--data', stage.dataDir]);
        const notes = stage.open('acme/notes/p1');
        const status = stage.open('acme/crm/acme');
        await waitUntil(
          () => readDeals(notes.doc).length === 1,
          30_000,
          () =>
            `iteration ${i}: no deal; status ${JSON.stringify(readCrmStatus(status.doc))}; server said ${stage.server.stderr().slice(-500)}`,
        );
        const narratives = readDeals(notes.doc)[0]!.narratives.map((u) => u.narrativeId);
        if (narratives.join() !== 'n-speed,n-cost') failures.push(`iteration ${i}: narratives [${narratives.join()}]`);
      } finally {
        await stage.close();
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
