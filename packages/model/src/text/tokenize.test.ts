import { describe, expect, it } from 'vitest';
import { tokenize, isNumberLike } from './tokenize.js';

const kinds = (s: string, terms: string[] = []) => tokenize(s, terms).filter((t) => t.kind !== 'space').map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('covers the text exactly, in order', () => {
    const s = 'Tbe c4t sat 0n the rnat — see https://x.org/a?b=1, j.doe@ex.com.\n\tNext line';
    const toks = tokenize(s);
    expect(toks.map((t) => t.text).join('')).toBe(s);
    for (let i = 1; i < toks.length; i++) expect(toks[i].start).toBe(toks[i - 1].end);
  });

  it('protects URLs, e-mails, code, paths, identifiers and user terms', () => {
    const k = kinds('Run `npm i` then open config.json or /etc/hosts; call getObject on S3 with my_var. Mail a.b@c.org or https://ex.com/x.', ['Acme Corp']);
    expect(k).toContain('protected:`npm i`');
    expect(k).toContain('protected:config.json');
    expect(k).toContain('protected:/etc/hosts');
    expect(k).toContain('protected:getObject');
    expect(k).toContain('protected:S3');
    expect(k).toContain('protected:my_var');
    expect(k).toContain('protected:a.b@c.org');
    expect(k).toContain('protected:https://ex.com/x.');
    expect(kinds('We use Acme Corp daily', ['Acme Corp'])).toContain('protected:Acme Corp');
  });

  it('protects host names without a scheme, not prose with a speck or a lost space', () => {
    const k = kinds('Files are at dsv.su.se:/pub/IntFi, docs.aws.amazon.com and mlbx.uni-sb.de today');
    expect(k).toContain('protected:dsv.su.se:/pub/IntFi');
    expect(k).toContain('protected:docs.aws.amazon.com');
    expect(k).toContain('protected:mlbx.uni-sb.de');
    expect(kinds('it was to.be done la.ter').some((x) => x.startsWith('protected:'))).toBe(false);
  });

  it('protects Roman numerals in capitals of three letters or more, not words made of the same letters', () => {
    const k = kinds('CHAPTER CLXXIII. Book XIV, part II of MDCCCXC; CIVIL and MIXED and Mix are words');
    expect(k).toContain('protected:CLXXIII');
    expect(k).toContain('protected:XIV');
    expect(k).toContain('word:II');
    expect(k).toContain('protected:MDCCCXC');
    expect(k).toContain('word:CIVIL');
    expect(k).toContain('word:MIXED');
    expect(k).toContain('word:Mix');
    expect(kinds('I saw it')).toContain('word:I');
  });

  it('protects a code span that a paragraph wraps across one line break, not one across a blank line', () => {
    expect(kinds('shows (`when be\ncame` for it)')).toContain('protected:`when be\ncame`');
    const apart = kinds('a `stray mark\n\nand another` here');
    expect(apart.some((k) => k.startsWith('protected:'))).toBe(false);
    expect(apart).toContain('word:stray');
  });

  it('treats numbers with units as numbers but digits inside letters as OCR suspects', () => {
    expect(isNumberLike('1887')).toBe(true);
    expect(isNumberLike('3rd')).toBe(true);
    expect(isNumberLike('12kg')).toBe(true);
    expect(isNumberLike('5GB')).toBe(true);
    expect(isNumberLike('c4t')).toBe(false);
    expect(isNumberLike('0n')).toBe(false);
    expect(isNumberLike('wor1d')).toBe(false);
  });

  it('keeps surrogate pairs whole', () => {
    const s = 'ok 😀 fine';
    expect(tokenize(s).map((t) => t.text)).toContain('😀');
  });
});
