/** A small task pool: the export's chunks, its image preparation, and the picture beside the sound. */

import { AppError } from '../../errors.js';

const isCancel = (error: unknown): boolean => error instanceof AppError && error.code === 'cancelled';

/**
 * Runs task(0..count-1) with at most `width` at once; the first failure aborts the others (through
 * `abort`) and is rethrown after every running task has settled. Tasks stopped by that abort fail
 * with 'cancelled': the failure that caused it is the one kept, even when it settles later.
 */
export async function runPool(count: number, width: number, task: (index: number) => Promise<void>, abort: AbortController): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < count && failure === null) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        if (failure === null || (isCancel(failure) && !isCancel(error))) failure = error;
        abort.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
  if (failure !== null) throw failure;
}
