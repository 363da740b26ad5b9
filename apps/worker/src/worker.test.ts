import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Job, UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { verifySignature } from './callbacks/sign.js';
import { testWorkerConfig } from './testing/worker-config.js';
import { isFinalFailure, notifyFailure, processorFile } from './worker.js';

const SECRET = 'failure-secret-0123456789';

function fakeJob(data: unknown, attemptsMade: number, attempts?: number): Job {
  return { id: 'doc_x', data, attemptsMade, opts: attempts === undefined ? {} : { attempts } } as unknown as Job;
}

describe('worker helpers', () => {
  it('points BullMQ at an existing processor file (the tsx loader when running from sources)', () => {
    expect(processorFile()).toMatch(/processor-loader\.mjs$/);
    expect(existsSync(processorFile())).toBe(true);
  });

  it('knows when a failure is final', () => {
    expect(isFinalFailure(fakeJob({}, 1, 3), new Error('x'))).toBe(false);
    expect(isFinalFailure(fakeJob({}, 3, 3), new Error('x'))).toBe(true);
    expect(isFinalFailure(fakeJob({}, 1, 3), new UnrecoverableError('bad'))).toBe(true);
    expect(isFinalFailure(fakeJob({}, 1), new Error('x'))).toBe(true);
  });

  it('POSTs a signed document.failed event only for final failures with a callbackUrl', async () => {
    const seen: { body: string; sig: string; event: string }[] = [];
    const srv = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ body, sig: req.headers['x-unsmudge-signature'] as string, event: req.headers['x-unsmudge-event'] as string });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/cb`;
      const config = testWorkerConfig({ CALLBACK_SECRET: SECRET, CALLBACK_ALLOWLIST: '127.0.0.1', CALLBACK_BACKOFF_MS: '10' });
      const errors: Error[] = [];
      expect(notifyFailure(fakeJob({ documentId: 'd', callbackUrl: url }, 1, 3), new Error('boom'), config, (e) => errors.push(e))).toBeUndefined();
      expect(notifyFailure(fakeJob({ documentId: 'd' }, 3, 3), new Error('boom'), config, (e) => errors.push(e))).toBeUndefined();
      await notifyFailure(fakeJob({ documentId: 'd', callbackUrl: url, batchId: 'b' }, 3, 3), new Error('boom'), config, (e) => errors.push(e));
      expect(errors).toEqual([]);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.event).toBe('document.failed');
      expect(verifySignature(seen[0]!.body, SECRET, seen[0]!.sig)).toBe(true);
      expect(JSON.parse(seen[0]!.body)).toEqual({ event: 'document.failed', jobId: 'doc_x', documentId: 'd', batchId: 'b', error: 'boom', attemptsMade: 3 });
      // A refused URL is reported through onError, never thrown.
      await notifyFailure(fakeJob({ callbackUrl: 'http://10.0.0.1/' }, 1), new UnrecoverableError('bad'), config, (e) => errors.push(e));
      expect(errors[0]?.name).toBe('CallbackRefusedError');
    } finally {
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });
});
