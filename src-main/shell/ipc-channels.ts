/** The Electron IPC channels the contract travels on (shared by src-preload and the shell). No imports. */
export const IPC_CALL = 'whatif:call';
export const IPC_EVENT = 'whatif:event';
/** Synchronous, once at preload start: main answers with the contract's call and event names. */
export const IPC_CHANNELS = 'whatif:channels';

export interface ChannelNames {
  calls: string[];
  events: string[];
}
