/** The Electron IPC channels the contract travels on: declared once, beside the shell that serves them. */
export { IPC_CALL, IPC_CHANNELS, IPC_EVENT, type ChannelNames } from '../src-main/shell/ipc-channels.js';
