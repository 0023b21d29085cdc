/**
 * One randomized convergence scenario, fully determined by its seed: five providers edit a Y.Text and a
 * Y.Map, drop off and come back, edit offline; at the end every client and the stored document agree,
 * every client's edits are confirmed stored, and nothing any client wrote is missing.
 */
import * as Y from 'yjs';
import { openClient, readStoredDoc, waitUntil, type Client } from './clients';
import { createPrng, type Prng } from './prng';

const CLIENTS = 5;
// Each WebsocketProvider adds a process 'exit' listener; a batch runs over a hundred at once on purpose.
process.setMaxListeners(Math.max(process.getMaxListeners(), 500));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function randomEdit(client: Client, random: Prng, seed: number, step: number): void {
  const text = client.doc.getText('root');
  const roll = random.next();
  if (roll < 0.55) text.insert(random.int(0, text.length), `${seed}.${step}${random.pick(['a', 'bc', ' ', '\n'])}`);
  else if (roll < 0.75 && text.length > 0) {
    const at = random.int(0, text.length - 1);
    text.delete(at, random.int(1, Math.min(4, text.length - at)));
  } else client.doc.getMap('meta').set(random.pick(['status', 'owner', 'stage', 'persona']), `${seed}.${step}`);
}

/** A canonical view of a doc (map keys sorted: Y.Map's iteration order is not part of its state). */
function view(doc: Y.Doc): string {
  const meta = Object.entries(doc.getMap('meta').toJSON()).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ text: doc.getText('root').toString(), meta });
}

const describe = (client: Client) => view(client.doc);

/**
 * Runs the scenario for `seed` against `url` (or spreads the clients over the nodes of a cluster, client i
 * on `urls[i % n]`); throws an Error naming the seed if the clients diverge.
 */
export async function runConvergenceScenario(
  urls: string | readonly string[],
  tokens: readonly string[],
  seed: number,
  steps: number,
): Promise<void> {
  const nodes = typeof urls === 'string' ? [urls] : urls;
  const url = nodes[0] as string;
  const random = createPrng(seed);
  const docName = `acme/playbook/seed-${seed}`;
  const clients = Array.from({ length: CLIENTS }, (_, i) =>
    openClient(nodes[i % nodes.length] as string, docName, tokens[i % tokens.length] as string),
  );
  // Everything each client ever wrote, to prove that no edit was lost (not just that all agree).
  const written = clients.map(() => new Y.Doc());
  clients.forEach((client, i) =>
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) Y.applyUpdate(written[i] as Y.Doc, update);
    }),
  );
  try {
    for (let step = 0; step < steps; step++) {
      const client = random.pick(clients);
      const roll = random.next();
      if (roll < 0.7) randomEdit(client, random, seed, step);
      else if (roll < 0.85) client.provider.disconnect();
      else client.provider.connect();
      if (random.chance(0.5)) await sleep(random.int(0, 4));
    }
    for (const client of clients) if (!client.provider.shouldConnect) client.provider.connect();
    await waitUntil(
      () =>
        clients.every((c) => c.provider.synced && c.saved()) &&
        clients.every((c) => describe(c) === describe(clients[0] as Client)),
      20_000,
      () =>
        `seed ${seed}: clients did not converge: ${clients.map((c) => `${c.provider.wsconnected}/${c.provider.synced}/${c.saved()} ${describe(c)}`).join(' | ')}`,
    );
    const stored = await readStoredDoc(url, docName, tokens[0] as string);
    const storedView = view(stored);
    if (storedView !== describe(clients[0] as Client))
      throw new Error(`seed ${seed}: stored ${storedView} != clients ${describe(clients[0] as Client)}`);
    for (const [i, own] of written.entries()) {
      const probe = new Y.Doc();
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(stored));
      let missing = false;
      probe.on('update', () => (missing = true));
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(own));
      if (missing) throw new Error(`seed ${seed}: an edit of client ${i} is missing from the stored document`);
    }
  } finally {
    for (const client of clients) client.destroy();
  }
}
