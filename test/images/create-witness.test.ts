/**
 * The KIE client's create lane against the fake KIE behind the flaky proxy, one scripted fault at a
 * time: a create lost before KIE saw it is sent again once the balance has been seen to work; one KIE
 * carried out is never sent again and says KIE took the credits; with a balance that does not move
 * (price 0) nothing lost is sent again. "Paid" is the fake's own ledger.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors.js';
import { KieClient } from '../../src-main/providers/kie/client.js';
import { KIE_MODELS } from '../../src-main/providers/kie/models.js';
import { RateGate } from '../../src-main/providers/kie/rate-gate.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { startFlakyProxy, type FaultKind } from '../fakes/flaky-proxy.js';

const model = KIE_MODELS['flux-kontext-pro']!;
const request = (prompt: string) => ({ prompt, negativePrompt: '', aspect: '9:16' as const });
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers) await close();
  closers = [];
});

/** `faults`: prompt part (or "credit" for balance reads) -> the fault of its n-th request (1-based). */
async function rig(faults: Record<string, (FaultKind | null)[]>, creditsPerTask = 4) {
  // Limits far above what these few requests need: the 20-per-10-s gate is tested elsewhere.
  const fake: FakeKie = await startFakeKie({ credits: 1000, creditsPerTask, rateLimit: { limit: 1000, windowMs: 1000 }, pollsPerSecond: 100 });
  const proxy = await startFlakyProxy({
    upstream: fake.url,
    seed: 0,
    firstDownloadFails: false,
    decide: (what, n) => {
      const entry = Object.entries(faults).find(([part]) => what.includes(part));
      return entry?.[1][n - 1] ?? null;
    },
  });
  closers.push(() => proxy.close(), () => fake.close());
  const logs: string[] = [];
  const client = new KieClient({
    baseUrl: proxy.url,
    uploadBaseUrl: proxy.url,
    apiKey: async () => fake.apiKey,
    gate: new RateGate({ all: { limit: 1000, windowMs: 1000 }, poll: { limit: 100, windowMs: 1000 } }),
    timings: { requestTimeoutMs: 400, retryBaseMs: 2, retryMaxMs: 10, rateLimitRetrySeconds: 0, witnessSettleMs: 5, witnessRefundWaitMs: 20 },
    log: (line) => logs.push(line),
  });
  const create = (prompt: string, scene: number) =>
    client.createTask(model, request(prompt), undefined, { scene }).then(
      (taskId) => ({ taskId }),
      (error: AppError) => ({ error }),
    );
  return { fake, proxy, client, create, logs };
}

describe('the create witness over a real connection', () => {
  it('sends again a create lost before KIE saw it (hung, reset, a 5xx page), once the balance has moved on a success', async () => {
    const { fake, create } = await rig({ Hung: ['hang-before'], Reset: ['reset'], Page: ['5xx-page'], Twice: ['hang-before', 'reset'] });
    expect(await create('Calibrate', 1)).toHaveProperty('taskId');
    for (const [i, prompt] of ['Hung', 'Reset', 'Page', 'Twice'].entries()) {
      const outcome = await create(prompt, i + 2);
      expect(outcome, prompt).toHaveProperty('taskId');
      expect(fake.createsFor(prompt), prompt).toBe(1);
    }
    expect(fake.account.credits).toBe(1000 - 5 * 4);
  });

  it('never sends again a create KIE carried out and lost; the scene says KIE took the credits', async () => {
    const { fake, create } = await rig({ Cut: ['truncated'], Late: ['hang-after'] });
    expect(await create('Calibrate', 1)).toHaveProperty('taskId');
    for (const [i, prompt] of ['Cut', 'Late'].entries()) {
      const outcome = (await create(prompt, i + 2)) as { error: AppError };
      expect(outcome.error.message).toMatch(new RegExp(`^Scene ${i + 2}: KIE took 4 credits for it, but its answer with the task id was lost \\(`));
      expect([outcome.error.retryable, outcome.error.key]).toEqual([false, 'error.kieCreatePaidLost']);
      expect(fake.attemptsFor(prompt), prompt).toBe(1);
      expect(fake.createsFor(prompt), prompt).toBe(1);
    }
  });

  it("resends KIE's own refusals (429, 455, a 500 envelope) with backoff as before, witness or not", async () => {
    const { fake, create } = await rig({ Busy: ['429', '455', '5xx-envelope'] }, 0);
    expect(await create('Busy', 1)).toHaveProperty('taskId');
    expect(fake.createsFor('Busy')).toBe(1);
  });

  it('holds a lost first create until a success calibrates the balance, then sends it again', async () => {
    const { fake, create } = await rig({ First: ['hang-before'] });
    const [first, second] = await Promise.all([create('First', 1), create('Second', 2)]);
    expect(first).toHaveProperty('taskId');
    expect(second).toHaveProperty('taskId');
    expect([fake.createsFor('First'), fake.createsFor('Second')]).toEqual([1, 1]);
  });

  it('sends nothing lost again where the balance does not move (price 0): no proof', async () => {
    const { fake, create } = await rig({ Hung: ['hang-before'] }, 0);
    expect(await create('Calibrate', 1)).toHaveProperty('taskId');
    const outcome = (await create('Hung', 2)) as { error: AppError };
    expect(outcome.error.message).toMatch(/^Scene 2: the answer from KIE was lost \(KIE at 127\.0\.0\.1:\d+ did not answer within 400 ms\)\. KIE may have started and charged it/);
    expect([fake.attemptsFor('Hung'), fake.stats.creditChecks]).toEqual([0, 2]); // the blind balance is not read again
  });

  it('reads the balance through its own faults (retried GETs) before judging', async () => {
    const { fake, create } = await rig({ Hung: ['hang-before'], 'chat/credit': [null, null, '5xx', 'hang-before', 'truncated', null] });
    expect(await create('Calibrate', 1)).toHaveProperty('taskId');
    expect(await create('Hung', 2)).toHaveProperty('taskId');
    expect(fake.createsFor('Hung')).toBe(1);
  });
});
