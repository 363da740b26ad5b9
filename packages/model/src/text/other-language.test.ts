import { describe, expect, it } from 'vitest';
import { tokenize, tokenAt } from './tokenize.js';
import { otherLanguageTokens } from './other-language.js';

/** The words of `text` that lie in sentences taken for another language. */
function marked(text: string): string {
  const tokens = tokenize(text);
  const m = otherLanguageTokens(tokens);
  return tokens
    .filter((t, i) => m[i] && t.kind === 'word')
    .map((t) => t.text)
    .join(' ');
}

describe('otherLanguageTokens', () => {
  it('marks sentences full of the function words of another language', () => {
    const sentences = [
      'Die Kommission hat am Dienstag den Bericht des Ingenieurs über die geplante Erweiterung geprüft.',
      "Le comité s'est réuni mardi pour examiner le rapport de l'ingénieur sur le projet.",
      'El comité se reunió el martes para examinar el informe del ingeniero sobre la ampliación del puerto.',
      'De commissie kwam dinsdag bijeen om het rapport van de ingenieur te bespreken.',
      "Il comitato si è riunito martedì per esaminare la relazione dell'ingegnere sul progetto.",
      'Gallia est omnis divisa in partes tres, quae una incolunt Belgae, atque aliam Aquitani.',
    ];
    const words = (s: string) => tokenize(s).filter((t) => t.kind === 'word').map((t) => t.text).join(' ');
    for (const s of sentences) expect(marked(s), s).toBe(words(s));
  });

  it('leaves English alone, garbled or not, with a foreign title or a stray foreign word in it', () => {
    for (const s of [
      'The committee of the Harbour Board met on Tuesday afternoon to consider the report.',
      'Tlie cornmittee aud tho board rnet und adjourned to tho next day.',
      'He published Die Welt als Wille und Vorstellung in 1819, and it was read by few.',
      'The motto of the republic, liberté, égalité, fraternité, was painted on the wall.',
      'Smith et al. report the same result for the de facto standard.',
      'I n W2iI. s n G. L n Thursday Mr. P L K N D I D ASSORTMENT',
    ]) {
      expect(marked(s), s).toBe('');
    }
  });

  it('marks only the foreign sentence of a text, up to its stop', () => {
    const text = 'The board met on Tuesday. Le comité a examiné le rapport de la commission. The report was adopted.';
    expect(marked(text)).toBe('Le comité a examiné le rapport de la commission');
    // a blank line ends a sentence too
    expect(marked('Le comité a examiné le rapport de la commission\n\nThe report was adopted')).toBe('Le comité a examiné le rapport de la commission');
  });
});

describe('tokenAt', () => {
  it('finds the token that holds an offset', () => {
    const tokens = tokenize('one, two  three');
    for (let pos = 0; pos < 15; pos++) {
      const t = tokens[tokenAt(tokens, pos)];
      expect(t.start <= pos && pos < t.end).toBe(true);
    }
  });
});
