import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { stopHostOnQuit } from '../../../../../electron/main/host/stopHostOnQuit';

function setup(state: string) {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  let finish = () => {};
  const host = {
    status: () => ({ state }),
    stop: vi.fn(() => new Promise<void>((resolve) => (finish = resolve))),
  };
  stopHostOnQuit(app, host);
  const quit = () => {
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    return event;
  };
  return { app, host, quit, finish: () => finish() };
}

describe('quitting Duet while hosting', () => {
  it('holds the quit until the server has stored everything, then quits', async () => {
    const { app, host, quit, finish } = setup('running');
    const event = quit();
    expect(event.preventDefault).toHaveBeenCalled();
    expect(host.stop).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    finish();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    // The resumed quit passes straight through.
    expect(quit().preventDefault).not.toHaveBeenCalled();
  });

  it('does not delay quitting when nothing is hosted', () => {
    const { host, quit } = setup('stopped');
    expect(quit().preventDefault).not.toHaveBeenCalled();
    expect(host.stop).not.toHaveBeenCalled();
  });
});
