/**
 * Builds the benchmark pages (seed, bare editor) into out/bench. Settings mirror the renderer build in
 * electron.vite.config.ts — same React plugin, production mode, minification, source maps — so the
 * baseline's code is built exactly like the app's and a difference between them is Duet's, not the bundler's.
 * Served under /bench/ on the app's own origin, because they share the app's IndexedDB.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import pkg from '../package.json' with { type: 'json' };

const root = resolve(import.meta.dirname, 'pages');

export default defineConfig({
  root,
  base: '/bench/',
  mode: 'production',
  logLevel: 'warn',
  resolve: { alias: { '@shared': resolve(import.meta.dirname, '..', 'shared') } },
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: resolve(import.meta.dirname, '..', 'out', 'bench'),
    emptyOutDir: true,
    minify: true,
    target: 'chrome130', // electron-vite targets Electron's Chromium; any modern Chromium target is equivalent here
    modulePreload: { polyfill: false },
    sourcemap: true,
    rollupOptions: {
      input: {
        seed: resolve(root, 'seed.html'),
        bare: resolve(root, 'bare.html'),
        libs: resolve(root, 'libs.html'),
        deck: resolve(root, 'deck.html'),
        review: resolve(root, 'review.html'),
        versions: resolve(root, 'versions.html'),
        company: resolve(root, 'company.html'),
        search: resolve(root, 'search.html'),
      },
    },
  },
});
