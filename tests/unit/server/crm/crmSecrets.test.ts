// CRM credentials at rest: sealed under the server's secret and bound to their workspace.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCredentials, sealCredentials } from '../../../../server/crm/crmSecrets';

const secret = randomBytes(32);
const token = 'pat-na1-0123456789abcdef';

describe('sealed CRM credentials', () => {
  it('open again with the same secret and workspace, and never show the token', () => {
    const sealed = sealCredentials(secret, 'acme', { token });
    expect(sealed).not.toContain(token);
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('utf8')).not.toContain(token);
    expect(openCredentials(secret, 'acme', sealed)).toEqual({ token });
    expect(sealCredentials(secret, 'acme', { token })).not.toBe(sealed); // a fresh IV each time
  });

  it('do not open under another secret, in another workspace, or once altered', () => {
    const sealed = sealCredentials(secret, 'acme', { token });
    expect(openCredentials(randomBytes(32), 'acme', sealed)).toBeNull();
    expect(openCredentials(secret, 'globex', sealed)).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    expect(openCredentials(secret, 'acme', [...parts.slice(0, 3), body.toString('base64url')].join('.'))).toBeNull();
    expect(openCredentials(secret, 'acme', 'v0.garbage')).toBeNull();
  });
});
