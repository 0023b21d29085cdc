import { describe, expect, it } from 'vitest';

describe('the renderer’s zod setting', () => {
  it('is in place for a zod loaded after it, without importing zod itself', async () => {
    await import('../../../../renderer/app/zodConfig');
    const { config } = await import('zod/mini');
    expect(config().jitless).toBe(true);
    // English messages installed by shared/zod.ts join the same settings rather than replacing them.
    await import('../../../../shared/zod');
    expect(config().jitless).toBe(true);
    expect(config().localeError).toBeTypeOf('function');
  });
});
