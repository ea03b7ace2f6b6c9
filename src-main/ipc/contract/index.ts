/**
 * THE IPC contract: every call and every pushed event, declared once. Main validates every request
 * against it (`handle()` in ../handle.ts), preload exposes exactly it, the loopback bridge serves
 * exactly it, and the renderer's client is typed by it. Each domain declares its part in a file beside
 * this one; this module is the single place they are joined.
 */
import type { z } from 'zod';
import { animationCalls, animationEvents } from './animation.js';
import { desktopCalls, desktopEvents } from './desktop.js';
import { editorCalls, editorEvents } from './editor.js';
import { exportCalls, exportEvents } from './export.js';
import { mediaCalls, mediaEvents } from './media.js';
import { makeCalls, makeEvents } from './make.js';
import { imageCalls, imageEvents } from './images.js';
import { imageUploadCalls, imageUploadEvents } from './image-upload.js';
import { voicePreviewCalls, voicePreviewEvents } from './voice-preview.js';
import { jobCalls, jobEvents } from './jobs.js';
import { narrationCalls, narrationEvents } from './narration.js';
import { monitorCalls, monitorEvents } from './monitor.js';
import { projectCalls, projectEvents } from './project.js';
import { settingsCalls, settingsEvents } from './settings.js';
import { templateCalls, templateEvents } from './templates.js';

export const calls = {
  ...projectCalls,
  ...settingsCalls,
  ...jobCalls,
  ...imageCalls,
  ...narrationCalls,
  ...templateCalls,
  ...desktopCalls,
  ...editorCalls,
  ...monitorCalls,
  ...imageUploadCalls,
  ...voicePreviewCalls,
  ...exportCalls,
  ...mediaCalls,
  ...animationCalls,
  ...makeCalls,
} as const;

export const events = {
  ...projectEvents,
  ...settingsEvents,
  ...jobEvents,
  ...imageEvents,
  ...narrationEvents,
  ...templateEvents,
  ...desktopEvents,
  ...editorEvents,
  ...monitorEvents,
  ...imageUploadEvents,
  ...voicePreviewEvents,
  ...exportEvents,
  ...mediaEvents,
  ...animationEvents,
  ...makeEvents,
} as const;

export const contract = { calls, events } as const;

export type Calls = typeof calls;
export type Events = typeof events;
export type CallName = keyof Calls;
export type EventName = keyof Events;
export type CallInput<C extends CallName> = z.input<Calls[C]['input']>;
export type CallOutput<C extends CallName> = z.output<Calls[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const CALL_NAMES = Object.keys(calls) as CallName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

export type { Result, IpcError } from './define.js';
export * from './project.js';
export * from './settings.js';
export * from './jobs.js';
export * from './images.js';
export * from './narration.js';
export * from './templates.js';
export * from './desktop.js';
export * from './editor.js';
export * from './monitor.js';
export * from './image-upload.js';
export * from './voice-preview.js';
export * from './export.js';
export * from './media.js';
export * from './animation.js';
export * from './make.js';
