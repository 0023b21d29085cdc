/**
 * Command line of the sync server (docs/SYNC-PROTOCOL.md shows every form):
 *   serve (default)  --port 4455 --data ./duet-data [--host 0.0.0.0] [--web DIR] [--allow-origin O]...
 *   invite           --data D --workspace W --name N --role R [--expires-in-days N]   (token on the last line)
 *   revoke           --data D (--member ID | --token T)
 *   role             --data D --member ID --role R   (open connections reconnect with the new role)
 *   members          --data D [--workspace W]
 *
 * Entry point of out/server/cli.mjs. node:sqlite prints an ExperimentalWarning when loaded, which would land
 * after `invite`'s token and break "the token is the last line"; so the filter goes in first and everything
 * else is loaded afterwards, dynamically.
 */
export {};

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
