/**
 * The pure parts of a KIE create's outcome and the create lane with scripted sends and balances:
 * salvaging a task id from cut answers, the witness's calibration and verdicts, which answers are
 * KIE's own refusal, price keys, the scene's error, and the lane's order, shared reads and resends.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/errors.js';
import { markMaybeReceived, markUnreceived, provenUnreceived } from '../../src-main/providers/http/retry.js';
import { salvageTaskId } from '../../src-main/providers/kie/client.js';
import { CreateLane } from '../../src-main/providers/kie/create-lane.js';
import { lostCreateError, priceKeyOf, refusedByKie } from '../../src-main/providers/kie/create-outcome.js';
import { RateGate } from '../../src-main/providers/kie/rate-gate.js';
import { UNCALIBRATED, awaitsCalibration, calibrate, judge, readBalance, trusted } from '../../src-main/providers/kie/credit-witness.js';

describe('salvaging a task id from a cut create answer', () => {
  it('keeps the id only when the cut came after its closing quote, on every prefix of real answers', () => {
    const answers = [
      '{"code":200,"msg":"success","data":{"taskId":"fluxkontext_4c1b2a9e77"}}',
      '{"code":200,"message":"success","data":{"taskId":"task_3f9a0c12d4e5"}}',
      '{"code": 200, "msg": "success", "data": {"taskId": "veo_a1B2-c3_D4"}}',
    ];
    for (const answer of answers) {
      const id = /"taskId":\s*"([^"]+)"/.exec(answer)![1]!;
      const closes = answer.indexOf(`${id}"`) + id.length + 1;
      for (let cut = 1; cut < answer.length; cut++) {
        expect(salvageTaskId(answer.slice(0, cut)), `${answer.slice(0, cut)}`).toBe(cut >= closes ? id : null);
      }
    }
    expect(salvageTaskId('<html>502 Bad Gateway</html>')).toBeNull();
    expect(salvageTaskId('{"code":200,"data":{"taskId":"x"}}')).toBeNull(); // too short to be an id
  });
});

describe('the credit witness', () => {
  it('is trusted once a success moved the balance, and blind for good once one did not', () => {
    const once = calibrate(UNCALIBRATED, 100, 96);
    expect([once, trusted(once)]).toEqual([{ price: 4, blind: false }, true]);
    // Someone else spending at the same time makes a bigger move: the price stays the smallest seen.
    expect(calibrate(once, 96, 88)).toEqual({ price: 4, blind: false });
    expect(calibrate(calibrate(UNCALIBRATED, 100, 92), 92, 88)).toEqual({ price: 4, blind: false });
    // A top-up meanwhile says nothing.
    expect(calibrate(once, 96, 500)).toEqual(once);
    const blind = calibrate(once, 96, 96);
    expect([blind.blind, trusted(blind), calibrate(blind, 96, 92)]).toEqual([true, false, blind]);
    expect(trusted(calibrate(UNCALIBRATED, 10, 10))).toBe(false);
    expect(calibrate(UNCALIBRATED, 10.5, 10)).toEqual({ price: 0.5, blind: false });
  });

  it('judges a lost create: unchanged is not received, the price is paid, anything else may be', () => {
    const cal = { price: 4, blind: false };
    expect(judge(cal, 96, 96)).toBe('unreceived');
    expect(judge(cal, 96, 92)).toBe('paid');
    expect(judge(cal, 96, 90)).toBe('moved');
    expect(judge(cal, 96, 196)).toBe('moved');
    expect(judge(cal, null, 96)).toBe('unproven');
    expect(judge(cal, 96, null)).toBe('unproven');
    expect(judge(UNCALIBRATED, 96, 96)).toBe('unproven');
    expect(judge({ price: 4, blind: true }, 96, 96)).toBe('unproven');
    expect(judge({ price: 0.25, blind: false }, 1.1, 0.85)).toBe('paid');
    expect(awaitsCalibration(UNCALIBRATED, 96, 96)).toBe(true);
    expect(awaitsCalibration(UNCALIBRATED, 96, 92)).toBe(true);
    expect(awaitsCalibration(UNCALIBRATED, 96, null)).toBe(false);
    expect(awaitsCalibration(cal, 96, 96)).toBe(false);
    expect(awaitsCalibration({ price: null, blind: true }, 96, 96)).toBe(false);
    expect([readBalance(12), readBalance('12.5'), readBalance(null), readBalance('x'), readBalance({})]).toEqual([12, 12.5, null, null, null]);
  });
});

describe('what a KIE answer proves', () => {
  it('takes a 4xx or a KIE envelope with an error code as a refusal, a bare 5xx page as nothing', () => {
    expect(refusedByKie(429, 'Too Many Requests')).toBe(true);
    expect(refusedByKie(403, 'error code: 1010')).toBe(true);
    expect(refusedByKie(502, '<html><title>502 Bad Gateway</title></html>')).toBe(false);
    expect(refusedByKie(500, '')).toBe(false);
    expect(refusedByKie(500, '{"code":500,"msg":"Server error"}')).toBe(true);
    expect(refusedByKie(200, { code: 455, msg: 'maintenance' })).toBe(true);
    expect(refusedByKie(200, { code: '501', msg: 'Generation failed' })).toBe(true);
    expect(refusedByKie(200, { code: 200, data: null })).toBe(false);
    expect(refusedByKie(200, 'not json')).toBe(false);
  });

  it('keys prices by endpoint, model, and a video length and resolution', () => {
    const image = { prompt: 'p', negativePrompt: '', aspect: '9:16' as const };
    const a = priceKeyOf('/api/v1/flux/kontext/generate', { model: 'flux-kontext-pro' }, image);
    expect(priceKeyOf('/api/v1/flux/kontext/generate', { model: 'flux-kontext-pro' }, { ...image, prompt: 'other' })).toBe(a);
    expect(priceKeyOf('/api/v1/flux/kontext/generate', { model: 'flux-kontext-max' }, image)).not.toBe(a);
    // A reference does not change Kontext's price; where it changes the model (Market), the model id says so.
    expect(priceKeyOf('/api/v1/flux/kontext/generate', { model: 'flux-kontext-pro' }, { ...image, referenceUrl: 'https://x/r.png' })).toBe(a);
    expect(priceKeyOf('/api/v1/jobs/createTask', { model: 'flux-2/pro-image-to-image' }, image)).not.toBe(priceKeyOf('/api/v1/jobs/createTask', { model: 'flux-2/pro-text-to-image' }, image));
    const video = { prompt: 'p', negativePrompt: '', aspect: '9:16' as const, duration: 5, resolution: '720p', imageUrl: 'https://x/i.png' };
    const v = priceKeyOf('/api/v1/jobs/createTask', { model: 'wan' }, video);
    expect(priceKeyOf('/api/v1/jobs/createTask', { model: 'wan' }, { ...video, duration: 10 })).not.toBe(v);
    expect(priceKeyOf('/api/v1/jobs/createTask', { model: 'wan' }, { ...video, resolution: '1080p' })).not.toBe(v);
  });

  it('words the scene error for each verdict, naming the scene and what happened', () => {
    const cause = new AppError('provider_error', 'KIE at api.kie.ai did not answer within 30 s. The request may have been carried out anyway, so it is not sent again automatically.');
    const paid = lostCreateError({ verdict: 'paid', cause, moved: 4, sends: 1 }, 3);
    expect(paid.message).toBe(
      'Scene 3: KIE took 4 credits for it, but its answer with the task id was lost (KIE at api.kie.ai did not answer within 30 s), so the result cannot be fetched. It is not sent again automatically: Retry starts it again and pays again.',
    );
    expect([paid.key, paid.values?.scene, paid.retryable]).toEqual(['error.kieCreatePaidLost', 3, false]);
    expect(lostCreateError({ verdict: 'moved', cause, moved: 9, sends: 1 }, 2).message).toMatch(/^Scene 2: .*changed by 9 .*not sent again automatically/);
    expect(lostCreateError({ verdict: 'unproven', cause, moved: null, sends: 1 }, 1).message).toMatch(/^Scene 1: .*did not answer within 30 s\)\. KIE may have started and charged it/);
    const notTaken = lostCreateError({ verdict: 'unreceived', cause, moved: 0, sends: 4 }, 5);
    expect([notTaken.retryable, provenUnreceived(notTaken), notTaken.message]).toEqual([true, true, expect.stringMatching(/^Scene 5: KIE did not take the request \(4 tries/)]);
  });
});

describe('places the rate gate keeps for queued creates', () => {
  it('grants a poll only past the reserved places, and serves it again when the reserve shrinks', async () => {
    const now = 0;
    let queued = 3;
    const gate = new RateGate({ all: { limit: 4, windowMs: 1000 }, poll: { limit: 10, windowMs: 1000 } }, () => now, 0);
    gate.reserve('all', () => queued);
    (await gate.acquire(['all', 'poll'], undefined, { yields: true }))(); // 4 places, 3 kept: one for polls
    let granted = false;
    const poll = gate.acquire(['all', 'poll'], undefined, { yields: true }).then((release) => {
      granted = true;
      release();
    });
    const create = await gate.acquire(['all']); // a create is not held back by the poll that waits
    create();
    await Promise.resolve();
    expect(granted).toBe(false);
    queued = 1; // the lane sent two creates (here: nothing in the window but the two answers above)
    gate.poke();
    await poll;
    expect(granted).toBe(true);
    expect(gate.granted.map((g) => g.buckets.length)).toEqual([2, 1, 2]);
  });
});

/**
 * A scripted account: `balance` moves when a send is "carried out"; sends follow `script`
 * ('lost-after-refund': carried out and lost while another task failed and was refunded).
 */
function scriptedLane(script: ('ok' | 'lost-before' | 'lost-after' | 'lost-after-refund' | 'refused')[], price = 4, options: { failReads?: number } = {}) {
  let balance = 100;
  let running = 0;
  const log = { sends: 0, reads: 0, maxRunning: 0, paid: 0 };
  let failReads = options.failReads ?? 0;
  const failures: number[] = [];
  const lane = new CreateLane({
    refundsSince: async (at) => failures.some((t) => t >= at),
    readBalance: async () => {
      log.reads++;
      await Promise.resolve();
      if (failReads > 0) {
        failReads--;
        return null;
      }
      return balance;
    },
    settle: async () => {},
  });
  const send = async () => {
    const step = script[log.sends++] ?? 'ok';
    running++;
    log.maxRunning = Math.max(log.maxRunning, running);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running--;
    if (step === 'refused') {
      const error = new AppError('rate_limited', 'KIE is rate limiting.', { retryable: true });
      markUnreceived(error);
      throw error;
    }
    if (step !== 'lost-before') {
      balance -= price;
      log.paid++;
    }
    if (step === 'lost-after-refund') {
      balance += price;
      failures.push(Date.now());
    }
    if (step === 'ok') return `task-${log.sends}`;
    const error = new AppError('provider_error', 'KIE at x did not answer within 3 s.');
    markMaybeReceived(error);
    throw error;
  };
  return { lane, send, log };
}

describe('the create lane', () => {
  it('runs creates one at a time and shares the balance read between consecutive ones', async () => {
    const { lane, send, log } = scriptedLane([]);
    const results = await Promise.all(Array.from({ length: 5 }, () => lane.create('acct', 'k', send)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(log.maxRunning).toBe(1);
    expect([log.sends, log.reads]).toEqual([5, 6]); // one before the first, one after each
    expect(lane.calibration('k')).toEqual({ price: 4, blind: false });
  });

  it('resends a lost create the balance proves was not taken, and never one it shows paid', async () => {
    const { lane, send, log } = scriptedLane(['ok', 'lost-before', 'ok', 'lost-after']);
    expect(await lane.create('acct', 'k', send)).toMatchObject({ ok: true, sends: 1 });
    expect(await lane.create('acct', 'k', send)).toMatchObject({ ok: true, sends: 2 });
    const lost = await lane.create('acct', 'k', send);
    expect(lost).toMatchObject({ ok: false, verdict: 'paid', moved: 4, sends: 1 });
    expect([log.sends, log.paid]).toEqual([4, 3]);
  });

  it('gives up resending after three resends, each proven not taken', async () => {
    const { lane, send, log } = scriptedLane(['ok', 'lost-before', 'lost-before', 'lost-before', 'lost-before', 'ok']);
    await lane.create('acct', 'k', send);
    expect(await lane.create('acct', 'k', send)).toMatchObject({ ok: false, verdict: 'unreceived', sends: 4 });
    expect(log.paid).toBe(1);
  });

  it('holds a lost first create until another of the same price calibrates the witness', async () => {
    const { lane, send, log } = scriptedLane(['lost-before', 'ok', 'ok']);
    const [first, second] = await Promise.all([lane.create('acct', 'k', send), lane.create('acct', 'k', send)]);
    expect(first).toMatchObject({ ok: true, sends: 2 });
    expect(second).toMatchObject({ ok: true, sends: 1 });
    expect(log.paid).toBe(2);
  });

  it('does not resend when nothing else can calibrate it (the lane ran dry), nor on a blind witness', async () => {
    const alone = scriptedLane(['lost-before']);
    expect(await alone.lane.create('acct', 'k', alone.send)).toMatchObject({ ok: false, verdict: 'unproven', sends: 1 });
    const free = scriptedLane(['ok', 'lost-before'], 0);
    await free.lane.create('acct', 'k', free.send);
    expect(free.lane.calibration('k').blind).toBe(true);
    const readsBefore = free.log.reads;
    expect(await free.lane.create('acct', 'k', free.send)).toMatchObject({ ok: false, verdict: 'unproven', sends: 1 });
    expect(free.log.reads).toBe(readsBefore); // a blind witness is not asked
  });

  it("passes KIE's own refusals through untouched, and a new account starts a new calibration", async () => {
    const { lane, send } = scriptedLane(['ok', 'refused']);
    await lane.create('acct', 'k', send);
    await expect(lane.create('acct', 'k', send)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(trusted(lane.calibration('k'))).toBe(true);
    await lane.create('other', 'k2', send);
    expect(lane.calibration('k')).toEqual(UNCALIBRATED);
  });

  it('does not take "unchanged" as proof when a task failed meanwhile (a refund may hide the charge)', async () => {
    const { lane, send, log } = scriptedLane(['ok', 'lost-after-refund']);
    await lane.create('acct', 'k', send);
    expect(await lane.create('acct', 'k', send)).toMatchObject({ ok: false, verdict: 'unproven', moved: 0, sends: 1 });
    expect(log.paid).toBe(2);
  });

  it('sends without a witness when the balance cannot be read, and then does not resend', async () => {
    const { lane, send } = scriptedLane(['ok', 'lost-before'], 4, { failReads: 0 });
    await lane.create('acct', 'k', send);
    const unreadable = scriptedLane(['ok', 'lost-before'], 4, { failReads: 3 });
    await unreadable.lane.create('acct', 'k', unreadable.send);
    expect(await unreadable.lane.create('acct', 'k', unreadable.send)).toMatchObject({ ok: false, verdict: 'unproven', moved: null });
    expect(unreadable.log.paid).toBe(1);
  });
});
