import { describe, expect, it } from 'vitest';

import { findForbiddenChar } from './text-checks.js';

describe('findForbiddenChar', () => {
  it('accepts whitespace controls, CJK, RTL and emoji', () => {
    expect(findForbiddenChar('a\tb\nc\r\n\fd\ve')).toBeUndefined();
    expect(findForbiddenChar('東京は雨です。 مرحبا بالعالم 👩‍💻🇫🇷')).toBeUndefined();
  });
  it('names NUL, other C0 controls, DEL and unpaired surrogates with their offset', () => {
    expect(findForbiddenChar('ab\u0000c')).toEqual({ offset: 2, codePoint: 'U+0000', reason: 'control character' });
    expect(findForbiddenChar('\u001b[31m')).toMatchObject({ offset: 0, codePoint: 'U+001B' });
    expect(findForbiddenChar('x\u007f')).toMatchObject({ codePoint: 'U+007F' });
    expect(findForbiddenChar('ok \ud83d')).toEqual({ offset: 3, codePoint: 'U+D83D', reason: 'unpaired surrogate' });
    expect(findForbiddenChar('\ude00 lone low')).toMatchObject({ offset: 0, reason: 'unpaired surrogate' });
  });
});
