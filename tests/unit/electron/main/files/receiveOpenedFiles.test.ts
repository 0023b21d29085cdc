/**
 * The whole open-file path of the main process in Node, with real files on disk: a .duet file in the launch
 * argv, a second launch with Chromium's switches and a relative path, macOS's 'open-file' before the app is
 * ready, and things that are not workspace files — read with the import's checks, decoded like an import.
 * The `app` stand-in is an EventEmitter; the type checks below hold it to Electron's own `App` typings.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Event as ElectronEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import * as Y from 'yjs';
import { decodeWorkspaceFile, encodeWorkspaceFile } from '@shared/format/workspaceFile';
import type { OpenFileApp } from '../../../../../electron/main/files/installOpenFileHandlers';
import { receiveOpenedFiles, type LaunchFacts } from '../../../../../electron/main/files/receiveOpenedFiles';
import { readWorkspaceFile } from '../../../../../electron/main/workspace/importWorkspace';

// Electron's listener shapes, from its typings: what the real `app` passes to our handlers.
type OpenFileArgs = [event: ElectronEvent, path: string];
type SecondInstanceArgs = [event: ElectronEvent, argv: string[], workingDirectory: string, additionalData: unknown];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duet-open-file-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function workspaceFile(name: string, workspaceName: string): string {
  const directory = new Y.Doc();
  directory.getMap('playbooks');
  const path = join(dir, name);
  const id = workspaceName.toLowerCase();
  writeFileSync(
    path,
    encodeWorkspaceFile({
      workspace: { id, name: workspaceName },
      exportedAt: Date.UTC(2026, 11, 1),
      docs: new Map([[`${id}/directory`, Y.encodeStateAsUpdate(directory)]]),
    }),
  );
  return path;
}

function launch(launchFacts: LaunchFacts) {
  const emitter = new EventEmitter();
  const app = emitter as unknown as OpenFileApp;
  const received = receiveOpenedFiles(app, launchFacts, (path) => readWorkspaceFile({ open }, path));
  const hooks = { announce: vi.fn(), remember: vi.fn() };
  received.files.connect(hooks);
  const event = (): ElectronEvent => ({ preventDefault: vi.fn() }) as unknown as ElectronEvent;
  return {
    ...received,
    emitter,
    hooks,
    openFile: (...args: OpenFileArgs) => emitter.emit('open-file', ...args),
    secondInstance: (...args: SecondInstanceArgs) => emitter.emit('second-instance', ...args),
    event,
  };
}

/** Takes the next file and decodes it as the renderer's import does; its workspace name, or the refusal. */
async function takeWorkspace(files: ReturnType<typeof launch>['files']): Promise<string | null> {
  const taken = await files.take();
  if (!taken.ok) return `refused: ${taken.error.message}`;
  if (taken.value === null) return null;
  const decoded = decodeWorkspaceFile(taken.value.bytes);
  return decoded.ok ? decoded.value.workspace.name : `undecodable: ${decoded.error.message}`;
}

describe('the OS hands Duet workspace files (main process, in Node)', () => {
  it("Electron's app fits the events the handlers listen to", () => {
    expectTypeOf<App>().toExtend<OpenFileApp>();
  });

  it('a double-clicked file in the launch argv waits for the page, and is the workspace', async () => {
    workspaceFile('Acme.duet', 'Acme');
    const { files, hooks } = launch({ argv: ['/opt/Duet/duet', '--no-sandbox', 'Acme.duet'], cwd: dir });
    expect(files.waiting).toBe(1);
    expect(await takeWorkspace(files)).toBe('Acme');
    expect(hooks.remember).toHaveBeenCalledWith(join(dir, 'Acme.duet'));
    expect(await takeWorkspace(files)).toBeNull();
  });

  it('a second launch with Chromium switches and a relative path reaches the running Duet', async () => {
    workspaceFile('Harbor.duet', 'Harbor');
    const { files, hooks, secondInstance, event } = launch({ argv: ['/opt/Duet/duet'], cwd: '/' });
    expect(files.waiting).toBe(0);
    secondInstance(event(), ['/opt/Duet/duet', '--original-process-start-time=13', 'Harbor.duet'], dir, {});
    expect(hooks.announce).toHaveBeenCalledTimes(1);
    expect(await takeWorkspace(files)).toBe('Harbor');
  });

  it("macOS's open-file is claimed and its file opened; a damaged .duet is refused when decoded", async () => {
    const acme = workspaceFile('Acme.duet', 'Acme');
    const broken = join(dir, 'Broken.duet');
    writeFileSync(broken, 'not a workspace');
    const { files, openFile, event } = launch({ argv: ['/Applications/Duet.app/Contents/MacOS/Duet'], cwd: '/' });
    const first = event();
    openFile(first, acme);
    openFile(event(), broken);
    expect(first.preventDefault).toHaveBeenCalled();
    expect(await takeWorkspace(files)).toBe('Acme');
    expect(await takeWorkspace(files)).toMatch(/^undecodable: /);
  });

  it('what is not a workspace file is never queued or read; a file gone by then is a readable refusal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { files, openFile, secondInstance, event } = launch({ argv: ['/opt/Duet/duet'], cwd: dir });
    openFile(event(), join(dir, 'notes.txt'));
    secondInstance(event(), ['/opt/Duet/duet', '--flag'], dir, null);
    expect(files.waiting).toBe(0);
    expect(warn).toHaveBeenCalledWith('[files] Duet opens workspace files (.duet) only.');
    openFile(event(), join(dir, 'Gone.duet'));
    expect(await takeWorkspace(files)).toMatch(/^refused: Gone\.duet could not be read/);
  });

  it('disposing removes both listeners', () => {
    const { dispose, emitter } = launch({ argv: [], cwd: dir });
    dispose();
    expect(emitter.listenerCount('open-file')).toBe(0);
    expect(emitter.listenerCount('second-instance')).toBe(0);
  });
});
