/**
 * Preload (bundled to out/preload/index.cjs, runs sandboxed with context isolation): exposes the bridge as
 * `window.duet` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './createBridge';

contextBridge.exposeInMainWorld('duet', createBridge(ipcRenderer));
