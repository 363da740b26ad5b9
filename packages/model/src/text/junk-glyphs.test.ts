import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { absorbJunkGlyphs } from './junk-glyphs.js';

const words = (text: string) => absorbJunkGlyphs(tokenize(text)).filter((t) => t.kind === 'word').map((t) => t.text);

describe('absorbJunkGlyphs', () => {
  it('takes a guillemet glued to a word into the word', () => {
    expect(words('the sid« of the »hip')).toEqual(['the', 'sid«', 'of', 'the', '»hip']);
    // »…« is how German quotes: such a pair stays marks
    expect(words('the »hip at its sid«')).toEqual(['the', 'hip', 'at', 'its', 'sid']);
    const tokens = absorbJunkGlyphs(tokenize('a sid« b'));
    const w = tokens.find((t) => t.text === 'sid«')!;
    expect('a sid« b'.slice(w.start, w.end)).toBe('sid«');
  });

  it('leaves guillemets that quote, and free-standing ones, as marks', () => {
    expect(words('the film «The Forge» was shown')).toEqual(['the', 'film', 'The', 'Forge', 'was', 'shown']);
    expect(words('er sagte »Wort« dazu')).toEqual(['er', 'sagte', 'Wort', 'dazu']);
    expect(words('a « b')).toEqual(['a', 'b']);
    // a pair on another line does not make this line's marks quotation marks
    expect(words('«The Forge»\nthe sid« of it')).toEqual(['The', 'Forge', 'the', 'sid«', 'of', 'it']);
    expect(words('«The\nForge» of it')).toEqual(['«The', 'Forge»', 'of', 'it']);
  });

  it('takes a tilde glued to a word into it, joining the pieces it cuts', () => {
    expect(words('he st~ated it to M~rs. Hale')).toEqual(['he', 'st~ated', 'it', 'to', 'M~rs', 'Hale']);
    expect(words('the da~ after')).toEqual(['the', 'da~', 'after']);
    expect(words('about ~ 5 km')).toEqual(['about', 'km']);
    expect(words('the wo^rd')).toEqual(['the', 'wo^rd']);
  });
});
