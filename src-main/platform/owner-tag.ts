import os from 'node:os';

/**
 * "pid@host" of this process. Temp files and work folders carry it, so a later run can tell what a
 * killed process left behind (media/export/leftovers.ts) from what a running one is using.
 */
export const ownerTag = (): string => `${process.pid}@${os.hostname()}`;
