import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from './shared/security/csp';
import pkg from './package.json' with { type: 'json' };

/**
 * Loads renderer/app/earlyPreload.ts (an entry of its own) from index.html with a script tag of its own, ahead of
 * the app's: it then runs as soon as its one small file is in (async: without waiting for the stylesheet or the
 * app's module graph), and a returning user's workspace screen starts downloading beside the app's own code.
 */
function earlyPreloadTagPlugin(): Plugin {
  return {
    name: 'duet-early-preload-tag',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.isEntry && c.name === 'earlyPreload',
        );
        if (!chunk) return [];
        const attrs = { type: 'module', async: true, crossorigin: true, src: `./${chunk.fileName}` };
        return [{ tag: 'script', attrs, injectTo: 'head-prepend' }];
      },
    },
  };
}

/** Writes the one CSP of shared/security/csp.ts into index.html (frame-ancestors only works as a header). */
function cspMetaPlugin(): Plugin {
  const meta = RENDERER_CSP.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'duet-csp-meta',
    transformIndexHtml: (html) => html.replace('%DUET_CSP%', meta),
  };
}

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };
/**
 * DUET_PROFILING=1 (the end-to-end tests' build): React's profiling build, so <Profiler> reports commits, and
 * the app's commit probes (renderer/ui/profiled.tsx). Releases are built without it and contain neither.
 */
const profiling = process.env.DUET_PROFILING === '1';

/**
 * The renderer's own aliases. `lib0/logging` (Yjs's warnings) becomes renderer/platform/lib0Logging.ts: lib0's
 * module brings its DOM and schema helpers (~8 kB) into the first screen's script for output styling.
 */
const rendererAlias = {
  ...alias,
  'lib0/logging': resolve(import.meta.dirname, 'renderer/platform/lib0Logging.ts'),
  ...(profiling ? { 'react-dom/client': 'react-dom/profiling' } : {}),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot load modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    resolve: { alias: rendererAlias },
    plugins: [react(), cspMetaPlugin(), earlyPreloadTagPlugin()],
    define: { __APP_VERSION__: JSON.stringify(pkg.version), __DUET_PROFILING__: JSON.stringify(profiling) },
    // Module workers (started with `type: 'module'`) split like the page: the search worker loads its
    // document-reading half (Yjs, the headless editor) only when it must read a document, so a warm start
    // parses a fifth of the code it did as one IIFE.
    worker: { format: 'es' },
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // The same build is served by app:// in Electron and over http to the browser client.
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'renderer/index.html'),
          earlyPreload: resolve(import.meta.dirname, 'renderer/app/earlyPreload.ts'),
        },
        // zod and shared/zod.ts (its English messages) share one chunk, which only parts loaded after the first
        // screen import. The setting that keeps zod from probing for eval (renderer/app/zodConfig.ts) imports no
        // zod and runs first, in the entry, so it is in place before any chunk builds a schema.
        output: {
          manualChunks: (id: string) =>
            /[\\/]node_modules[\\/]zod[\\/]|[\\/]shared[\\/]zod\.ts$/.test(id) ? 'zod' : null,
        },
      },
      sourcemap: true,
      // electron-vite leaves the renderer unminified; minified, the first screen parses half the bytes
      // (source maps keep stack traces readable).
      minify: true,
      // One stylesheet, loaded with the page: feature styles are shared across parts (the sidebar's meetings
      // entry is styled by meetings.css, the history's filters by review.css), so splitting them by chunk
      // would leave screens unstyled until some other part loaded. It is 66 kB, and not script.
      cssCodeSplit: false,
    },
  },
});
