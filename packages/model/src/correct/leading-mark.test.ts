import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/tokenize.js';
import { leadingMarks } from './leading-mark.js';

const COMMON = new Set(['the', 'who', 'general', 'lying', 'venv', 'w', 'github', 'data']);
/** The text with the marks found deleted. */
const without = (text: string, marks = '.,;*)]¦:?¡') => {
  const tokens = tokenize(text);
  let out = text;
  for (const i of leadingMarks(tokens, marks, (w) => COMMON.has(w)).reverse()) out = out.slice(0, tokens[i].start) + out.slice(tokens[i].end);
  return out;
};

describe('leadingMarks', () => {
  it('finds marks glued to the start of a word with a space or nothing before them', () => {
    expect(without('the *general use of it')).toBe('the general use of it');
    expect(without('was found ,lying there')).toBe('was found lying there');
    expect(without('of ;suicide during')).toBe('of suicide during');
    expect(without('the prisoner .who had')).toBe('the prisoner who had');
    expect(without(';the end\n)the start')).toBe('the end\nthe start');
  });

  it('leaves marks glued to a word before them, before figures, and marks not listed', () => {
    expect(without('the end. The start')).toBe('the end. The start');
    expect(without('costs .5 dollars and ,5 cents')).toBe('costs .5 dollars and ,5 cents');
    expect(without('add !important and ?page', '.,;')).toBe('add !important and ?page');
    expect(without('add !important', '.,;?¡')).toBe('add !important');
    expect(without('a (note) here')).toBe('a (note) here');
  });

  it('keeps formatting marks that recur on their line, and a colon that closes again', () => {
    expect(without('it was *so* good')).toBe('it was *so* good');
    expect(without('supports CSV *inventory reports *that are')).toBe('supports CSV *inventory reports *that are');
    expect(without('a |cell| and')).toBe('a |cell| and');
    expect(without('say :smile: now')).toBe('say :smile: now');
    expect(without('filled pauses (e.g., ?uh?, ?um?)')).toBe('filled pauses (e.g., ?uh?, ?um?)');
    expect(without('see ?page=2 and ¡Viva la vida!')).toBe('see ?page=2 and ¡Viva la vida!');
    expect(without('of ?miles and ¡Nuisances here')).toBe('of miles and Nuisances here');
    // another line's mark says nothing
    expect(without('it was *so\nthe *general use')).toBe('it was so\nthe general use');
  });

  it('keeps a full stop before a file type, a domain, an upper-case name, a path or an uncommon word', () => {
    expect(without('the .zip file and a .com address')).toBe('the .zip file and a .com address');
    expect(without('install .NET first')).toBe('install .NET first');
    expect(without('edit the .bashrc file')).toBe('edit the .bashrc file');
    expect(without('source .venv/bin/activate')).toBe('source .venv/bin/activate');
    expect(without('gave evidence .w as to')).toBe('gave evidence w as to');
    // a file noun after it makes the word a file's name
    expect(without('put it in the .github folder')).toBe('put it in the .github folder');
    expect(without('delete the .data directories')).toBe('delete the .data directories');
    expect(without('the .github is')).toBe('the github is');
  });
});
