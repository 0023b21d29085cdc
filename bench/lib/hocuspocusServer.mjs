// A Hocuspocus 4 node for the cluster benchmark, run as its own process (as Duet's nodes are):
//   node bench/lib/hocuspocusServer.mjs --port P [--sqlite FILE] [--redis-port R]
// With --sqlite: @hocuspocus/extension-sqlite (stores on Hocuspocus's debounce, after relaying).
// With --redis-port: @hocuspocus/extension-redis (fan-out between nodes). Prints "listening PORT".
import { parseArgs } from 'node:util';
import { Server } from '@hocuspocus/server';

const { values } = parseArgs({
  options: { port: { type: 'string' }, sqlite: { type: 'string' }, 'redis-port': { type: 'string' } },
});
const extensions = [];
if (values.sqlite) {
  const { SQLite } = await import('@hocuspocus/extension-sqlite');
  extensions.push(new SQLite({ database: values.sqlite }));
}
if (values['redis-port']) {
  const { Redis } = await import('@hocuspocus/extension-redis');
  extensions.push(new Redis({ host: '127.0.0.1', port: Number(values['redis-port']) }));
}
const server = new Server({
  port: Number(values.port),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: true,
  extensions,
});
await server.listen();
console.log(`listening ${server.address.port}`);
