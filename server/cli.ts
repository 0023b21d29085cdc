/**
 * Command line of the sync server (docs/SYNC-PROTOCOL.md shows every form):
 *   serve (default)  --port 4455 --data ./duet-data [--host 0.0.0.0] [--web DIR] [--allow-origin O]...
 *   serve, a cluster node  --port 4455 --database-url postgres://USER@HOST:PORT/DB --redis redis://HOST:PORT
 *                    (or DUET_DATABASE_URL / DUET_REDIS_URL; no --data: everything lives in PostgreSQL)
 *   invite           --data D --workspace W --name N --role R [--expires-in-days N]   (token on the last line)
 *   revoke           --data D (--member ID | --token T)
 *   role             --data D --member ID --role R   (open connections reconnect with the new role)
 *   members          --data D [--workspace W]
 *   invite also takes --email E (a CRM deal's owner is matched to the member by it)
 *   crm connect      --data D --workspace W --provider hubspot --token T [--playbook P] [--narratives-property N]
 *                    [--competitor-field F] [--loss-reason-field F] [--write-back] [--poll-seconds S] [--api-base URL]
 *   crm connect      --data D --workspace W --provider salesforce --instance-url URL --client-id C --key-file K
 *                    --username U [--login-url URL] [--currency EUR] (+ the same mapping flags as above)
 *   crm status       --data D [--workspace W]
 *   crm disconnect   --data D --workspace W                      (docs/CRM.md)
 *   (invite, revoke, role, members and crm take --database-url URL instead of --data to act on a cluster)
 *
 * Entry point of out/server/cli.mjs. node:sqlite prints an ExperimentalWarning when loaded, which would land
 * after `invite`'s token and break "the token is the last line"; so the filter goes in first and everything
 * else is loaded afterwards, dynamically.
 */
import { setFlagsFromString } from 'node:v8';

// Before any of the server's code runs, so no allocation site has been judged yet. Each Yjs transaction
// allocates a few Maps and Sets that die with it; on a cluster node V8's allocation-site pretenuring came to
// allocate them straight into the old generation (a writer's node: 4.7 MB of Maps and 2.4 MB of Sets in 8 s,
// against 0.9 and 0.2 MB on a single node), where only a major GC frees them, and its scavenges slowed with
// the old-to-new pointers to scan (2.6–3.8 ms each, against 0.9–2.4 ms without it). The late relays came in
// bursts at those GCs. Without pretenuring the cross-node relay p99 fell in 8 of 9 alternating rounds
// (docs/DEPLOYING.md, "Capacity model"); a single node, the large-document load and compaction
// (bench/server-compaction.mjs) and the notes import (bench/server-notes-authorship.mjs) measured no different.
setFlagsFromString('--no-allocation-site-pretenuring');

process.removeAllListeners('warning');
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && warning.message.includes('SQLite')) return;
  console.warn(`${warning.name}: ${warning.message}`);
});

try {
  const { runCli } = await import('./runCli');
  await runCli(process.argv.slice(2));
} catch (error) {
  console.error(`[sync-server] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
