import { describe, expect, it } from 'vitest';
import { isSpellingVariant } from './spelling-variants.js';

describe('isSpellingVariant', () => {
  it('recognises early-modern spellings of a modern word', () => {
    for (const [old, modern] of [['halfe', 'half'], ['againe', 'again'], ['haue', 'have'], ['vsed', 'used'], ['vpon', 'upon'], ['iust', 'just'], ['controversie', 'controversy'], ['fetcht', 'fetched'], ['Sleepe', 'sleep'], ['shoppe', 'shop'], ['hee', 'he'], ['shee', 'she'], ['maister', 'master'], ['raysed', 'raised'], ['demaunded', 'demanded'], ['souldier', 'soldier'], ['glasse', 'glass'], ['shortnesse', 'shortness'], ['arrowes', 'arrows'], ['meanes', 'means'], ['magick', 'magic'], ['sonne', 'son'], ['goe', 'go']]) {
      expect(isSpellingVariant(old, modern), `${old}/${modern}`).toBe(true);
    }
  });
  it('does not excuse misreadings', () => {
    for (const [noisy, modern] of [['tbe', 'the'], ['rnust', 'must'], ['c4t', 'cat'], ['statcd', 'stated'], ['agaiust', 'against'], ['tim', 'time'], ['preffer', 'prefer'], ['untill', 'until'], ['wonderfull', 'wonderful'], ['bo', 'be'], ['poisened', 'poisoned'], ['sorne', 'some'], ['woukl', 'would'], ['horsees', 'horses'], ['ic', 'ick'], ['stjle', 'style'], ['jears', 'years'], ['splendidlj', 'splendidly'], ['plajed', 'played'], ['housee', 'house'], ['femalee', 'female'], ['whait', 'what'], ['engaiged', 'engaged'], ['thaut', 'that'], ['wase', 'was'], ['dide', 'did'], ['lete', 'let'], ['ites', 'its']]) {
      expect(isSpellingVariant(noisy, modern), `${noisy}/${modern}`).toBe(false);
    }
  });
});
