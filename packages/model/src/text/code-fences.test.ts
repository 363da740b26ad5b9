import { describe, expect, it } from 'vitest';
import { codeFences, insideFence } from './code-fences.js';

const blocks = (text: string) => codeFences(text).map((f) => text.slice(f.start, f.end));

describe('codeFences', () => {
  it('finds backtick blocks with their language names, closed by a fence as long or longer', () => {
    const text = 'Intro\n```ts\nconst a = 1;\n\nconst b = 2;\n```\nmiddle\n````\ncode ``` inside\n`````\nend';
    expect(blocks(text)).toEqual(['```ts\nconst a = 1;\n\nconst b = 2;\n```', '````\ncode ``` inside\n`````']);
  });

  it('takes no unclosed fence, no line of words after a fence and no tildes for a block (scans have such lines)', () => {
    expect(blocks('text\n```\nopen code\nmore')).toEqual([]);
    expect(blocks('```the ship sailed\non Monday\n```')).toEqual([]);
    expect(blocks('~~~\nthe ship\n~~~')).toEqual([]);
  });

  it('ignores backticks inside a line and a backtick fence whose info string holds a backtick', () => {
    expect(blocks('say ```x``` here\n``` a ` b\ntext')).toEqual([]);
  });

  it('tells whether an offset is strictly inside a block', () => {
    const text = 'a\n```\nx\n```\nb';
    const f = codeFences(text);
    expect(insideFence(f, text.indexOf('x'))).toBeDefined();
    expect(insideFence(f, 2)).toBeUndefined();
    expect(insideFence(f, text.length - 1)).toBeUndefined();
  });
});
