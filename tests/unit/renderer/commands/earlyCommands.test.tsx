// @vitest-environment happy-dom
// A feature's command pressed while the playbook's parts still load is held and run by the feature's own
// handler when it registers — also in the gap after the features are mounted and before the notes' own
// handler is (the "Add note" offer comes once the notes document is open).
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paletteCommands, registerCommand, runCommand, useCommand } from '../../../../renderer/commands';
import { EARLY_COMMAND_MS, useEarlyCommands } from '../../../../renderer/features/playbook/useEarlyCommands';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function AddNote({ onRun }: { onRun: () => void }) {
  useCommand('note:add', onRun);
  return null;
}

/** The playbook view: its early commands, and the notes' handler once `notesOpen`. */
function View({ parts, notesOpen, onNote }: { parts: object; notesOpen: boolean; onNote: () => void }) {
  useEarlyCommands(parts, true);
  return notesOpen ? <AddNote onRun={onNote} /> : null;
}

describe('early feature commands', () => {
  let root: Root;
  beforeEach(() => {
    root = createRoot(document.createElement('div'));
  });
  afterEach(() => {
    act(() => root.unmount());
    vi.useRealTimers();
  });

  it('holds a press made after the features mounted but before the notes’ handler, and runs it once', async () => {
    const onNote = vi.fn();
    act(() => root.render(<View parts={{ ready: false }} notesOpen={false} onNote={onNote} />));
    act(() => root.render(<View parts={{ ready: true }} notesOpen={false} onNote={onNote} />));
    // Heard (the key is not left to the browser) although nothing can add a note yet.
    expect(runCommand('note:add')).toBe(true);
    expect(onNote).not.toHaveBeenCalled();
    await act(async () => root.render(<View parts={{ ready: true }} notesOpen onNote={onNote} />));
    expect(onNote).toHaveBeenCalledTimes(1);
    // From now on the notes' handler answers, not the stand-in.
    expect(runCommand('note:add')).toBe(true);
    expect(onNote).toHaveBeenCalledTimes(2);
  });

  it('lets a real handler win whichever registered first, and drops a press older than the wait', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const real = vi.fn();
    const dispose = registerCommand('review:open', { run: real, enabled: true });
    act(() => root.render(<View parts={{}} notesOpen={false} onNote={() => {}} />));
    expect(runCommand('review:open')).toBe(true);
    expect(real).toHaveBeenCalledTimes(1);
    expect(paletteCommands().filter((c) => c.id === 'review:open')).toHaveLength(1);
    dispose();

    const onNote = vi.fn();
    act(() => root.render(<View parts={{}} notesOpen={false} onNote={onNote} />));
    expect(runCommand('note:add')).toBe(true);
    vi.advanceTimersByTime(EARLY_COMMAND_MS + 1);
    await act(async () => root.render(<View parts={{}} notesOpen onNote={onNote} />));
    expect(onNote).not.toHaveBeenCalled();
  });
});
