// No Docker engine runs here, so the deployment files are checked against what they drive: every node's
// command parses with the server's own command line and names a port nginx forwards to; the nodes reach
// the compose file's PostgreSQL and Redis; nginx listens where compose publishes it; the image runs the
// server bundle on the port it exposes.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../server/runCli';

const root = resolve(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

type Yaml = string | string[] | { [key: string]: Yaml };

/**
 * Reads the YAML subset docker-compose.yml is written in (block mappings, `- item` lists, one-line lists of
 * quoted strings, plain or quoted scalars, comments). Anything else throws, so the file stays in that subset.
 */
function parseComposeYaml(text: string): Yaml {
  const lines = text
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').replace(/^#.*$/, ''))
    .filter((line) => line.trim() !== '');
  let i = 0;
  const scalar = (raw: string): Yaml => {
    const value = raw.trim();
    // One-line lists of quoted strings (Prettier writes them with single quotes).
    if (value.startsWith('[')) return [...value.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '');
    return value.replace(/^(["'])(.*)\1$/, '$2');
  };
  const block = (indent: number): Yaml => {
    const first = lines[i]!;
    if (first.trimStart().startsWith('- ')) {
      const list: string[] = [];
      while (i < lines.length && lines[i]!.startsWith(' '.repeat(indent) + '- ')) {
        list.push(scalar(lines[i++]!.trim().slice(2)) as string);
      }
      return list;
    }
    const map: Record<string, Yaml> = {};
    while (i < lines.length) {
      const line = lines[i]!;
      const depth = line.length - line.trimStart().length;
      if (depth < indent) break;
      if (depth > indent) throw new Error(`unexpected indentation: ${line}`);
      const match = /^\s*([\w.-]+):(?:\s+(.*))?$/.exec(line);
      if (!match) throw new Error(`not in the supported YAML subset: ${line}`);
      i++;
      if (match[2] !== undefined) map[match[1]!] = scalar(match[2]);
      else if (i < lines.length && lines[i]!.length - lines[i]!.trimStart().length > indent) {
        map[match[1]!] = block(lines[i]!.length - lines[i]!.trimStart().length);
      } else map[match[1]!] = {};
    }
    return map;
  };
  return block(0);
}

const compose = parseComposeYaml(read('docker-compose.yml')) as {
  services: Record<string, Record<string, Yaml>>;
};
const nginx = read('deploy/nginx.conf');
const services = compose.services;
const nodeNames = Object.keys(services).filter((name) => (services[name]!.build as string) === '.');

describe('the deployment files', () => {
  it('run two or more nodes, each with a command line the server accepts, as a cluster node', () => {
    expect(nodeNames.length).toBeGreaterThanOrEqual(2);
    for (const name of nodeNames) {
      const { command, values } = parseCommandLine(services[name]!.command as string[]);
      expect(command).toBe('serve');
      expect(values.host).toBe('0.0.0.0');
      expect(values.data, `${name} keeps everything in PostgreSQL`).toBeUndefined();
      const env = services[name]!.environment as Record<string, string>;
      expect(env.DUET_DATABASE_URL).toMatch(/^postgres:\/\//);
      expect(env.DUET_REDIS_URL).toMatch(/^redis:\/\//);
    }
  });

  it("point every node at the compose file's PostgreSQL and Redis", () => {
    const pg = services.postgres!.environment as Record<string, string>;
    const redisArgs = services.redis!.command as string[];
    const redisPort = redisArgs[redisArgs.indexOf('--port') + 1];
    for (const name of nodeNames) {
      const env = services[name]!.environment as Record<string, string>;
      const database = new URL(env.DUET_DATABASE_URL!);
      expect([database.hostname, database.port || '5432']).toEqual(['postgres', '5432']);
      expect([database.username, database.password, database.pathname]).toEqual([
        pg.POSTGRES_USER,
        pg.POSTGRES_PASSWORD,
        `/${pg.POSTGRES_DB}`,
      ]);
      const redis = new URL(env.DUET_REDIS_URL!);
      expect([redis.hostname, redis.port]).toEqual(['redis', redisPort]);
    }
  });

  it('have nginx forward to exactly the nodes and their ports, with WebSocket upgrades, on the published port', () => {
    const upstream = [...nginx.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    const nodes = nodeNames.map((name) => {
      const { values } = parseCommandLine(services[name]!.command as string[]);
      return `${name}:${values.port as string}`;
    });
    expect(upstream.sort()).toEqual(nodes.sort());
    const directives = nginx.replace(/#.*$/gm, '');
    expect(directives).not.toMatch(/ip_hash|hash\s|sticky/); // any node serves any document
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    const listen = /^\s*listen\s+(\d+);/m.exec(nginx)?.[1];
    const published = (services.nginx!.ports as string[]).map((mapping) => mapping.split(':').at(-1));
    expect(published).toContain(listen);
    expect(services.nginx!.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro');
  });

  it('build an image that runs the server bundle on the port the nodes use', () => {
    const dockerfile = read('Dockerfile');
    expect(dockerfile).toMatch(/^ENTRYPOINT \["node", "out\/server\/cli\.mjs"\]$/m);
    expect(read('server/vite.config.ts')).toContain("entryFileNames: 'cli.mjs'");
    const exposed = /^EXPOSE (\d+)$/m.exec(dockerfile)?.[1];
    for (const name of nodeNames) {
      expect(parseCommandLine(services[name]!.command as string[]).values.port).toBe(exposed);
    }
    const defaults = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(parseCommandLine(defaults).values).toMatchObject({ port: exposed, data: '/data' });
  });
});
