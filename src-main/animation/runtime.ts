/**
 * The animation domain's per-core state: whether KIE said "no credits" (402). A 402 is never retried;
 * it stops the batch: every scene not yet started fails at once with the same clear message instead of
 * asking KIE again. The stop lifts when the user starts a new batch, or when a Retry finds the balance
 * back (one credit check, no paid request). Creates go one at a time through the KIE client's create
 * lane (assertRunning runs in it, right before each send), so after a 402 no other create of the batch
 * is already on its way.
 */
import type { Core } from '../core.js';
import { appError, type AppError, nestedValues, toAppError } from '../errors.js';
import { imagesRuntime } from '../images/runtime.js';

export interface AnimationRuntime {
  /** Set by a 402: where the batch stopped. */
  stoppedAt: number | null;
  /** Mark the batch stopped (at scene number `scene`) and return the error for that scene. */
  stopForNoCredits(scene: number, error: AppError): AppError;
  /** Throws the "stopped" error when a 402 stopped the batch (synchronous: right before a create). */
  assertRunning(scene: number): void;
  /** Before a new task: if stopped, ask KIE's balance once; enough for `cost` lifts the stop. */
  checkCredits(cost: number, signal?: AbortSignal): Promise<void>;
  reset(): void;
}

const runtimes = new WeakMap<Core, AnimationRuntime>();

function stoppedError(scene: number, at: number): AppError {
  return appError('no_credits', 'animate.notStarted', { scene, at });
}

export function animationRuntime(core: Core): AnimationRuntime {
  const runtime = runtimes.get(core);
  if (runtime) return runtime;
  const state: AnimationRuntime = {
    stoppedAt: null,
    stopForNoCredits(scene, error) {
      state.stoppedAt ??= scene;
      core.log(`[animate] KIE answered 402 (no credits) at scene ${scene}: the batch stops`);
      return appError('no_credits', 'animate.batchStopped', { ...nestedValues('message', error), scene });
    },
    assertRunning(scene) {
      if (state.stoppedAt !== null) throw stoppedError(scene, state.stoppedAt);
    },
    async checkCredits(cost, signal) {
      if (state.stoppedAt === null) return;
      let balance: number | null = null;
      try {
        balance = await imagesRuntime(core).client.credits(signal);
      } catch (error) {
        if (toAppError(error).code === 'cancelled') throw error;
      }
      if (balance !== null && balance >= cost) state.stoppedAt = null;
    },
    reset() {
      state.stoppedAt = null;
    },
  };
  runtimes.set(core, state);
  return state;
}
