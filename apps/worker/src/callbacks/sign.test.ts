import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './sign.js';

describe('signBody', () => {
  it('is sha256= plus the hex HMAC-SHA256 of the raw body', () => {
    // RFC 4231 test case 2
    expect(signBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const body = JSON.stringify({ a: 'é', b: [1, 2] });
    expect(signBody(body, 'secret-secret-secret')).toBe(
      'sha256=' + createHmac('sha256', 'secret-secret-secret').update(Buffer.from(body, 'utf8')).digest('hex'),
    );
  });

  it('verifies in constant time and rejects tampering', () => {
    const sig = signBody('{"x":1}', 'k'.repeat(16));
    expect(verifySignature('{"x":1}', 'k'.repeat(16), sig)).toBe(true);
    expect(verifySignature('{"x":2}', 'k'.repeat(16), sig)).toBe(false);
    expect(verifySignature('{"x":1}', 'j'.repeat(16), sig)).toBe(false);
    expect(verifySignature('{"x":1}', 'k'.repeat(16), undefined)).toBe(false);
    expect(verifySignature('{"x":1}', 'k'.repeat(16), 'sha256=00')).toBe(false);
  });
});
