/**
 * Bundles the sync server into one ES module, out/server/cli.mjs, for Node 22: Node cannot run the TS
 * sources directly (extensionless imports, the @shared alias). Node builtins, `ws`, `pg` and `ioredis` stay external;
 * yjs, y-protocols, lib0 and zod are bundled so the server has exactly one copy of Yjs.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  build: {
    ssr: resolve(import.meta.dirname, 'cli.ts'),
    target: 'node22',
    outDir: resolve(root, 'out', 'server'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      external: [/^node:/, ...builtinModules, 'ws', 'pg', 'ioredis'],
      output: { format: 'es', entryFileNames: 'cli.mjs', chunkFileNames: '[name].mjs' },
    },
  },
  ssr: { noExternal: true, external: ['ws', 'pg', 'ioredis'] },
});
