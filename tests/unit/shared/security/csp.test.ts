/** The search index runs in a Web Worker: the one CSP lets it start, and allows nothing more than before. */
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../../shared/security/csp';

function directives(): Map<string, string[]> {
  return new Map(
    RENDERER_CSP.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the renderer CSP', () => {
  it('lets the app start its own bundled workers (same origin) and nothing from elsewhere', () => {
    const worker = directives().get('worker-src');
    expect(worker).toContain("'self'");
    expect(worker?.filter((v) => v !== "'self'" && v !== 'blob:')).toEqual([]);
  });

  it('still allows no inline script, no eval and no remote script', () => {
    const csp = directives();
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(RENDERER_CSP).not.toMatch(/unsafe-|\*/);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });
});
