import type { Token } from './tokenize.js';

/**
 * Sentences written in another language than English: the corrector leaves them alone, because its lexicon and
 * word pairs are English and would "correct" them into English (`réuni` → reuse, `projet` → project).
 *
 * The evidence is positive: the sentence must be full of the small function words of one other language (articles,
 * prepositions, conjunctions, auxiliaries), and hold far fewer English ones. A garbled English line, a list or a
 * formula has few English function words too, but it has no run of French or German ones, so it is still corrected.
 * The lists leave out words that are also English (`die`, `den` are kept for German only because English function
 * words are counted apart) and common misreadings of English words in print (`lo`, `er`, single letters).
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  german: 'der die das den dem des und ist sind nicht mit sich auf für über eine einer einem einen eines zu von wird werden wurde auch dass daß nach bei aus oder aber noch nur wenn schon durch zum zur wir ich sein seine seiner haben kann diese dieser dieses wie als im vom sehr unter gegen ohne zwischen'.split(' '),
  french: "le la les des du et est une dans pour pas qui que sur avec ce cette sont été être au aux ses ces mais ou où leur nous vous il elle ils elles je ne se sa comme tout par l' d' s' n' j' c' qu'".split(' '),
  spanish: 'el la los las del es que en por con una para al su sus como más pero fue ser está este esta entre cuando muy sin sobre también hasta donde desde porque todo se de'.split(' '),
  italian: "il di che è della delle dei degli nel nella con una sono anche come più questo questa gli alla alle dal dalla sul sulla si la dell' all' nell' dall' sull'".split(' '),
  dutch: 'de het een van en niet zijn voor met ook als dat maar bij naar wordt werd hij zij wij ik deze dit worden heeft hebben om te'.split(' '),
  portuguese: 'não que de da dos das em um uma para com os por mais foi ser são está pelo pela também seu sua ao aos'.split(' '),
  scandinavian: 'og och ikke inte på til fra från jeg jag havde hade har med som det af ett den'.split(' '),
  latin: 'et est non cum quod qui quae sed ut enim atque sunt esse nec neque autem ergo etiam ita quam vel hoc haec eius eorum'.split(' '),
};

const ENGLISH =
  new Set('the of and to in is that for it with as was on be by this are at from his her he she they we you not but or have has had which were their an will would there been its who can all one if so no when what more also these our my them into than only other some about may any out up do'.split(' '));

const LANGUAGES = Object.values(FUNCTION_WORDS).map((words) => new Set(words));

/** Least number of another language's function words in a sentence, and least share of its words they must be. */
const MIN_HITS = 2;
const MIN_SHARE = 0.2;
/** The other language's function words must outnumber English ones this many times over. */
const OVER_ENGLISH = 2;

/** An elided article or pronoun is compared with its apostrophe (`l'ingénieur` → `l'`); other words whole. */
function elided(word: string): string {
  const m = /^(\p{L}{1,4})['’]\p{L}{2,}/u.exec(word);
  return m && !ENGLISH.has(m[1]) ? `${m[1]}'` : word;
}

/** A sentence ends after `.`, `!` or `?` and at a blank line. */
const SENTENCE_END = /[.!?]["'’”)\]]*$/;

/**
 * For each token, whether it lies in a sentence in another language (see above). Words are compared in lower case,
 * an elided article or pronoun (`l'ingénieur`, `dell'ingegnere`) by its first part and the apostrophe.
 */
export function otherLanguageTokens(tokens: readonly Token[]): Uint8Array {
  const marked = new Uint8Array(tokens.length);
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const ends = i === tokens.length || (t.kind === 'punct' && SENTENCE_END.test(t.text)) || (t.kind === 'space' && /\n\s*\n/.test(t.text));
    if (!ends) continue;
    if (isOtherLanguage(tokens, from, i)) marked.fill(1, from, Math.min(i + 1, tokens.length));
    from = i + 1;
  }
  return marked;
}

function isOtherLanguage(tokens: readonly Token[], from: number, to: number): boolean {
  const words: string[] = [];
  for (let i = from; i < to; i++) if (tokens[i].kind === 'word') words.push(elided(tokens[i].text.toLowerCase()));
  if (words.length < MIN_HITS) return false;
  let english = 0;
  for (const w of words) if (ENGLISH.has(w)) english++;
  for (const list of LANGUAGES) {
    let hits = 0;
    const distinct = new Set<string>();
    for (const w of words) {
      if (!list.has(w)) continue;
      hits++;
      distinct.add(w);
    }
    if (distinct.size >= MIN_HITS && hits >= MIN_SHARE * words.length && hits > OVER_ENGLISH * english) return true;
  }
  return false;
}
