import { describe, expect, it } from 'vitest';

import { contentHashFor, jobIdFor } from './ids.js';
import { batchKeys, formatBatchMember, parseBatchMember } from './keys.js';

describe('jobIdFor', () => {
  it('is deterministic, namespaced and a valid BullMQ custom id', () => {
    const a = jobIdFor('report-1.pdf');
    expect(jobIdFor('report-1.pdf')).toBe(a);
    expect(jobIdFor('report-2.pdf')).not.toBe(a);
    expect(jobIdFor('report-1.pdf', 'team-a')).not.toBe(a);
    expect(a).toMatch(/^doc_[0-9a-f]{40}$/);
    expect(jobIdFor('a:b:c')).not.toContain(':');
  });
});

describe('contentHashFor', () => {
  it('depends on text, options and embed but not on protected term order', () => {
    const base = contentHashFor({ text: 'Tbe cat' });
    expect(base).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(contentHashFor({ text: 'Tbe cat', embed: false })).toBe(base);
    expect(contentHashFor({ text: 'Tbe cat', embed: true })).not.toBe(base);
    expect(contentHashFor({ text: 'Tbe cat', options: { threshold: 0.9 } })).not.toBe(base);
    expect(contentHashFor({ text: 'Tbe cat', options: { protectedTerms: ['a', 'b'] } })).toBe(
      contentHashFor({ text: 'Tbe cat', options: { protectedTerms: ['b', 'a'] } }),
    );
  });
});

describe('batch keys', () => {
  it('live under the prefix and round-trip members', () => {
    expect(batchKeys('p1', 'b1')).toEqual({ meta: 'p1:batches:b1:meta', members: 'p1:batches:b1:members' });
    expect(parseBatchMember(formatBatchMember('doc_1', 'my doc id'))).toEqual({ jobId: 'doc_1', documentId: 'my doc id' });
  });
});
