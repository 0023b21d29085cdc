import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installOpenFileHandlers, type OpenFileApp } from '../../../../../electron/main/files/installOpenFileHandlers';

function setup() {
  const app = new EventEmitter();
  const open = vi.fn();
  const dispose = installOpenFileHandlers(app as unknown as OpenFileApp, open);
  return { app, open, dispose };
}

describe('the OS hands Duet a workspace file', () => {
  it('macOS: open-file is claimed (preventDefault) and its path opened', () => {
    const { app, open } = setup();
    const event = { preventDefault: vi.fn() };
    app.emit('open-file', event, '/Users/ana/Acme.duet');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(open).toHaveBeenCalledWith('/Users/ana/Acme.duet');
  });

  it('Windows and Linux: a second launch with a file opens it in the running Duet', () => {
    const { app, open } = setup();
    app.emit('second-instance', {}, ['C:\\Duet\\Duet.exe', '--flag', 'Acme.duet'], 'C:\\Users\\Ana');
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toMatch(/Acme\.duet$/);
  });

  it('a second launch without a file opens nothing (the window just comes forward)', () => {
    const { app, open } = setup();
    app.emit('second-instance', {}, ['/opt/Duet/duet'], '/home/ana');
    app.emit('second-instance', {}, 'not-an-array', '/home/ana');
    expect(open).not.toHaveBeenCalled();
  });

  it('the disposer removes both listeners', () => {
    const { app, dispose } = setup();
    dispose();
    expect(app.listenerCount('open-file')).toBe(0);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
