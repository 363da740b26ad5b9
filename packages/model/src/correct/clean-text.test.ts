import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorrector } from '../corrector.js';
import type { Corrector } from '../types.js';
import { makeTinyCheckpoint } from '../test-support/tiny-checkpoint.js';
import { applyEdits } from './clean-text.js';
import type { RankParams } from './params.js';
import { splitIntoWindows } from './windows.js';

let corrector: Corrector;
beforeAll(async () => {
  corrector = await loadCorrector({ checkpointDir: await makeTinyCheckpoint() });
});

const clean1 = async (text: string, opts = {}) => (await corrector.clean([text], opts))[0];

/** A corrector of the tiny checkpoint with some parameters set, as a function from a text to its cleaned text. */
async function cleanerWith(params: Partial<RankParams>): Promise<(text: string) => Promise<string>> {
  const c = await loadCorrector({ checkpointDir: await makeTinyCheckpoint(params) });
  return async (text) => (await c.clean([text]))[0].text;
}

describe('correction', () => {
  it('fixes OCR misreadings of known words and keeps case', async () => {
    const r = await clean1('Tbe cornmittee of the harbour board rnet on Tuesday.');
    expect(r.text).toBe('The committee of the harbour board met on Tuesday.');
  });

  it('lowers In and Is misread with a capital inside a sentence, in text order with other edits', async () => {
    const input = 'The board rnet In the office and the report Is good.';
    const r = await clean1(input);
    expect(r.text).toBe('The board met in the office and the report is good.');
    expect(r.edits.map((e) => e.replacement)).toEqual(['met', 'in', 'is']);
    expect(applyEdits(input, r.edits)).toBe(r.text);
    // a threshold above the rule's confidence turns it off
    expect((await clean1('The board met In the office.', { threshold: 0.95 })).text).toBe('The board met In the office.');
  });

  it('deletes a full stop that a speck made inside a sentence, and no space with it', async () => {
    const input = 'The committee met. in the room above the office.';
    const r = await clean1(input);
    expect(r.text).toBe('The committee met in the room above the office.');
    expect(r.edits).toMatchObject([{ original: '.', replacement: '' }]);
    expect((await clean1('The committee met. In the room above the office.')).text).toBe('The committee met. In the room above the office.');
    // read where a space was
    expect((await clean1('The committee met in.the room above the office.')).text).toBe('The committee met in the room above the office.');
  });

  it('deletes a quote mark that is a speck, and leaves quotations alone', async () => {
    const r = await clean1("The committee 'met in the room.");
    expect(r.text).toBe('The committee met in the room.');
    expect(r.edits).toMatchObject([{ original: "'", replacement: '' }]);
    expect((await clean1("The committee 'met' in the room.")).text).toBe("The committee 'met' in the room.");
  });

  it('writes a misread word with capitals inside it in capitals when it stands in a heading in capitals', async () => {
    expect((await clean1('REPORT OF THE CoMMITTEb')).text).toBe('REPORT OF THE COMMITTEE');
    expect((await clean1('The report of the comMitteb was read.')).text).toBe('The report of the committee was read.');
    expect((await clean1('REPORT OF THE comMitteb')).text).toBe('REPORT OF THE COMMITTEE');
  });

  it('writes a word whose capital was the misread letter in small letters inside a sentence (misreadCapitalCase)', async () => {
    const one = await cleanerWith({ misreadCapitalCase: true });
    expect(await one('The cat sat on the mat while the Eommittee met in the room.')).toBe('The cat sat on the mat while the committee met in the room.');
    // without the parameter the capital stays
    expect((await clean1('The cat sat on the mat while the Eommittee met in the room.')).text).toBe('The cat sat on the mat while the Committee met in the room.');
    // a sentence's first word keeps it, and so does a capital read for one like it (O for C)
    expect(await one('Eommittee met in the room.')).toBe('Committee met in the room.');
    expect(await one('The cat sat on the mat while the Oommittee met in the room.')).toBe('The cat sat on the mat while the Committee met in the room.');
  });

  it('keeps the older spelling that inner capitals read as letters spell (capitalsKeepOlderSpelling)', async () => {
    const one = await cleanerWith({ capitalsKeepOlderSpelling: true });
    // U is read as ll: `untill` is how the print spelt until
    expect(await one('After some discussion the board adjourned untiU the following week.')).toBe('After some discussion the board adjourned untill the following week.');
    expect((await clean1('After some discussion the board adjourned untiU the following week.')).text).toBe('After some discussion the board adjourned until the following week.');
    // where the letters spell the word itself, nothing changes (and U is not read as li: `wiU` is will, not wili)
    expect(await one('There is no reason to think that the work wiU not be finished.')).toBe('There is no reason to think that the work will not be finished.');
  });

  it('reports edits with offsets into the input that rebuild the output', async () => {
    const input = 'The engineer statcd that the foundations were sound.';
    const r = await clean1(input);
    expect(r.text).toBe('The engineer stated that the foundations were sound.');
    expect(r.edits).toHaveLength(1);
    const e = r.edits[0];
    expect(input.slice(e.start, e.end)).toBe(e.original);
    expect(e).toMatchObject({ original: 'statcd', replacement: 'stated' });
    expect(e.confidence).toBeGreaterThan(0.5);
    expect(e.confidence).toBeLessThanOrEqual(1);
    expect(applyEdits(input, r.edits)).toBe(r.text);
  });

  it('leaves clean text, URLs, e-mails, numbers and code untouched', async () => {
    const input = 'The report (see https://ex.org/rnet?id=3, mail tbe@ex.org) cost 14,500 in 1887; run `cornmittee --rnet` now.';
    const r = await clean1(input);
    expect(r.text).toBe(input);
    expect(r.edits).toEqual([]);
  });

  it('keeps protected terms', async () => {
    const r = await clean1('The Cornmittee met.', { protectedTerms: ['Cornmittee'] });
    expect(r.text).toBe('The Cornmittee met.');
  });

  it('applies nothing below the confidence threshold', async () => {
    const r = await clean1('Tbe cornmittee rnet.', { threshold: 1 });
    expect(r.edits).toEqual([]);
  });

  it('joins a word hyphenated across a line break and keeps the number of lines', async () => {
    const input = 'the foun-\ndations were sound\nand the board adjourned';
    const r = await clean1(input);
    expect(r.text).toBe('the foundations\nwere sound\nand the board adjourned');
    expect(r.text.split('\n')).toHaveLength(input.split('\n').length);
  });

  it('passes scripts it has no table for through unchanged', async () => {
    const input = '東京は雨です。 שלום עולם 😀👍🏽 Καλημέρα κόσμε, привет.';
    expect((await clean1(input)).text).toBe(input);
  });

  it('handles empty and whitespace-only input', async () => {
    expect((await clean1('')).text).toBe('');
    expect((await clean1('  \n\t\n')).text).toBe('  \n\t\n');
  });

  it('corrects long documents window by window with offsets into the whole document', async () => {
    const line = 'Tbe engineer stated that the foundations were sound.\n';
    const doc = line.repeat(400);
    const r = await clean1(doc);
    expect(r.text).toBe(doc.replaceAll('Tbe', 'The'));
    expect(r.edits).toHaveLength(400);
    expect(applyEdits(doc, r.edits)).toBe(r.text);
  });

  it('lets the event loop run between texts, so progress can be written as it goes', async () => {
    let turns = 0;
    let running = true;
    const spin = () => {
      turns++;
      if (running) setImmediate(spin);
    };
    setImmediate(spin);
    const seen: number[] = [];
    await corrector.clean(Array.from({ length: 10 }, () => 'Tbe cornmittee rnet on Tuesday.'), { onProgress: () => seen.push(turns) });
    running = false;
    expect(seen).toHaveLength(10);
    expect(seen[9]).toBeGreaterThan(seen[0]);
  });

  it('deletes a lone stray letter between words of a noisy print', async () => {
    const r = await clean1('The engineer stated n that the foundations were sound, and the board adjourned.');
    expect(r.text).toBe('The engineer stated that the foundations were sound, and the board adjourned.');
    expect(r.edits).toMatchObject([{ original: 'n ', replacement: '' }]);
  });

  it('keeps lone letters that recur (variables) and the ones English uses (a, I, o, u, v, x)', async () => {
    for (const input of [
      'The report d was adopted, and the board d met on Tuesday.',
      'The board met a week after; the cat v the committee; x the cost.',
    ]) {
      expect((await clean1(input)).text).toBe(input);
    }
  });

  it('deletes a stray letter that recurs only far away in a long text (a variable recurs nearby)', async () => {
    const filler = 'The board met on Tuesday and the report was adopted. '.repeat(4);
    const input = `The engineer stated n that the foundations were sound. ${filler}The cat sat n on the mat.`;
    expect((await clean1(input)).text).toBe(`The engineer stated that the foundations were sound. ${filler}The cat sat on the mat.`);
  });

  it('does not complete a piece of a word glued to another by a stray mark', async () => {
    // `cornmittee` alone is fixed; the same letters glued to `8,` are a fragment of something else
    expect((await clean1('The 8,cornmittee met on Tuesday.')).text).toBe('The 8,cornmittee met on Tuesday.');
    expect((await clean1('The cornmittee met on Tuesday.')).text).toBe('The committee met on Tuesday.');
  });

  it('reads a lone 1 before a lower-case word as I where the context says so, and leaves counts alone', async () => {
    expect((await clean1('After some discussion 1 was of opinion that the report was sound.')).text).toBe(
      'After some discussion I was of opinion that the report was sound.',
    );
    for (const input of ['The board met 1 or 2 times in the week.', 'The timbers cost 12, 1 and 3 each.']) {
      expect((await clean1(input)).text).toBe(input);
    }
  });

  it('leaves the pieces of a word broken by a space alone rather than correcting each', async () => {
    const input = 'The commit tee met on Tuesday, and the engi neer stated that the foundations were sound.';
    expect((await clean1(input)).text).toBe(input);
  });

  it('writes a correction of a mostly-capital word in capitals', async () => {
    expect((await clean1('THE BOARD MET ON TUESDAY AFTERNCoN.')).text).toBe('THE BOARD MET ON TUESDAY AFTERNOON.');
  });

  it('leaves model codes and short capitals alone', async () => {
    const input = 'The T4g and M5a were adopted by the ABCD board.';
    expect((await clean1(input)).text).toBe(input);
  });

  it('corrects a misread word that looks like camelCase, but not an identifier made of words', async () => {
    expect((await clean1('On Tuesday tLe committee met in the room above the office.')).text).toBe('On Tuesday the committee met in the room above the office.');
    const code = 'The engineer read the reportNumber of the board.';
    expect((await clean1(code)).text).toBe(code);
  });

  it('reads an apostrophe between two words as a space, but leaves contractions and M\' names alone', async () => {
    const r = await clean1("The engineer said the work'would be finished, and M'Carthy said it's sound.");
    expect(r.text).toBe("The engineer said the work would be finished, and M'Carthy said it's sound.");
  });

  it('joins a word whose line-end hyphen stayed inside it, but not a compound of two words', async () => {
    const r = await clean1('The engi-neer stated that the founda-tions of the harbour-board office were sound.');
    expect(r.text).toBe('The engineer stated that the foundations of the harbour-board office were sound.');
  });

  it('joins the pieces of a hyphenated word over margin marks printed between them', async () => {
    const r = await clean1('The engi- th neer stated that the foun- a e dations were sound.');
    expect(r.text).toBe('The engineer stated that the foundations were sound.');
  });

  it('rejects a threshold out of range', async () => {
    await expect(corrector.clean(['x'], { threshold: 2 })).rejects.toThrow(/threshold/);
  });
});

describe('splitIntoWindows', () => {
  it('cuts at line boundaries, never after a hyphenated line, and covers the text', () => {
    const text = Array.from({ length: 50 }, (_, i) => (i % 7 === 3 ? `line ${i} exten-` : `line ${i} text`)).join('\n');
    const w = splitIntoWindows(text, 60);
    expect(w.map((x) => x.text).join('')).toBe(text);
    for (const x of w.slice(0, -1)) {
      expect(x.text.endsWith('\n')).toBe(true);
      expect(x.text).not.toMatch(/-\n$/);
    }
  });

  it('never cuts inside a fenced code block, even one longer than a piece', () => {
    const code = Array.from({ length: 30 }, (_, i) => `const x${i} = ${i};`).join('\n');
    const text = `Some prose here.\n\n\`\`\`ts\n${code}\n\n${code}\n\`\`\`\n\nMore prose after it.\n\nAnd a last line.`;
    const w = splitIntoWindows(text, 200);
    expect(w.map((x) => x.text).join('')).toBe(text);
    const block = w.find((x) => x.text.includes('const x0'))!;
    expect(block.text).toContain('```ts');
    expect(block.text.match(/```/g)).toHaveLength(2);
    expect(w.length).toBeGreaterThan(2);
  });
});

describe('neural scorer hook', () => {
  it('in rerank mode picks among corrections by the scorer, never overriding the decision to keep', async () => {
    const { loadResources, createCorrector } = await import('../corrector.js');
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    const asked: string[][] = [];
    // a scorer that prefers "mat" over anything else
    resources.scorer = {
      async score(reqs) {
        return reqs.map((r) => {
          asked.push(r.candidates);
          return r.candidates.map((c) => (c === 'mat' ? 0 : -30));
        });
      },
    };
    resources.params = { ...resources.params, neuralWeight: 1, neuralMode: 'rerank' };
    const c = createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 });
    const [r] = await c.clean(['The cat sat on the rnat. The report was adopted.']);
    expect(r.text).toBe('The cat sat on the mat. The report was adopted.');
    // only the word being changed was sent to the scorer, with the word as written first
    expect(asked).toHaveLength(1);
    expect(asked[0][0]).toBe('rnat');
    expect(asked[0]).toContain('mat');
  });

  it('asks the scorer only where two corrections are a close call (neuralMaxMargin)', async () => {
    const { loadResources, createCorrector } = await import('../corrector.js');
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    let asked = 0;
    resources.scorer = {
      async score(reqs) {
        asked += reqs.length;
        return reqs.map((r) => r.candidates.map(() => 0));
      },
    };
    const text = 'The cat sat on the rnat. The report was adopted.';
    resources.params = { ...resources.params, neuralWeight: 1, neuralMode: 'rerank', neuralMaxMargin: null };
    await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean([text]);
    expect(asked).toBe(1);
    asked = 0;
    // a margin below zero: no two corrections are ever that close, so nothing is scored and the ranker decides alone
    resources.params = { ...resources.params, neuralMaxMargin: -1 };
    const [r] = await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean([text]);
    expect(asked).toBe(0);
    expect(r.text).toBe('The cat sat on the mat. The report was adopted.');
  });

  it('asks the scorer for a second opinion on a surely wrong word the ranker leaves alone (sureWrongMinProb)', async () => {
    const { loadResources, createCorrector } = await import('../corrector.js');
    const { resources } = loadResources({ checkpointDir: await makeTinyCheckpoint() });
    const asked: string[][] = [];
    let prefer = 'cat';
    let written = -30;
    resources.scorer = {
      async score(reqs) {
        asked.push(...reqs.map((r) => r.candidates));
        return reqs.map((r) => r.candidates.map((c) => (c === prefer ? 0 : c === 'xat' ? written : -30)));
      },
    };
    const text = 'The cat sat on the xat. The report was adopted.';
    // `xat` is surely wrong, but no reading of it reaches the threshold (cat, mat, sat): the ranker alone leaves it
    const clean = async (params: object) => {
      resources.params = { ...resources.params, neuralWeight: 0.3, neuralMode: 'rerank', mbrMargin: null, sureWrongKeepMax: 0.01, ...params };
      return (await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean([text], { threshold: 0.95 }))[0];
    };
    expect((await clean({ sureWrongMinProb: null })).text).toBe(text);
    expect(asked).toHaveLength(0);
    // the scorer agrees with the ranker's likeliest reading: changed, with the word as written scored too
    const r = await clean({ sureWrongMinProb: 0.5 });
    expect(r.text).toBe('The cat sat on the cat. The report was adopted.');
    expect(r.edits[0].confidence).toBeGreaterThanOrEqual(0.99);
    expect(asked).toHaveLength(1);
    expect(asked[0][0]).toBe('xat');
    // the scorer prefers the word as written, or another reading: left alone
    for (const other of ['xat', 'mat']) {
      prefer = other;
      expect((await clean({ sureWrongMinProb: 0.5 })).text).toBe(text);
    }
    // a scorer that prefers the word as written by less than `secondOpinionKeepSlack` lets the reading in
    prefer = 'cat';
    written = 2;
    expect((await clean({ sureWrongMinProb: 0.5 })).text).toBe(text);
    expect((await clean({ sureWrongMinProb: 0.5, secondOpinionKeepSlack: 3 })).text).toBe('The cat sat on the cat. The report was adopted.');
    written = 4;
    expect((await clean({ sureWrongMinProb: 0.5, secondOpinionKeepSlack: 3 })).text).toBe(text);
    written = -30;
    // a likeliest reading below sureWrongMinProb is not asked about
    asked.length = 0;
    expect((await clean({ sureWrongMinProb: 0.9 })).text).toBe(text);
    expect(asked).toHaveLength(0);
    // nor a word with accents (a name in another language) or figures in it
    prefer = 'cat';
    for (const word of ['xät', 'x4t']) {
      const other = text.replace('xat', word);
      resources.params = { ...resources.params, sureWrongMinProb: 0.5 };
      await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean([other], { threshold: 0.95 });
      expect(asked.some((c) => c[0] === word)).toBe(false);
    }
  });

  it('corrects texts side by side when a scorer is used: one scorer batch, results and progress in order', async () => {
    const { loadResources, createCorrector } = await import('../corrector.js');
    const dir = await makeTinyCheckpoint();
    const { resources } = loadResources({ checkpointDir: dir });
    const batches: number[] = [];
    resources.scorer = {
      async score(reqs) {
        batches.push(reqs.length);
        return reqs.map((r) => r.candidates.map(() => 0));
      },
    };
    resources.params = { ...resources.params, neuralWeight: 1, neuralMode: 'rerank', neuralMaxMargin: null };
    const texts = ['The cat sat on the rnat.', 'The report was adopted.', 'The board rnet on Tuesday.'];
    const progress: number[] = [];
    const results = await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean(texts, {
      onProgress: (done) => progress.push(done),
    });
    expect(results.map((r) => r.text)).toEqual(['The cat sat on the mat.', 'The report was adopted.', 'The board met on Tuesday.']);
    expect(batches).toEqual([2]);
    expect(progress).toEqual([24, 47, 73]);
    // a bench's batch of 64 short texts goes to the scorer at once
    batches.length = 0;
    const many = Array.from({ length: 64 }, (_, i) => `The cat sat on the rnat ${i}.`);
    const cleaned = await createCorrector(resources, { checkpoint: 'tiny', backend: 'fake', loadMs: 0 }).clean(many);
    expect(cleaned.map((r) => r.text)).toEqual(many.map((t) => t.replace('rnat', 'mat')));
    expect(batches).toEqual([64]);
  });
});
