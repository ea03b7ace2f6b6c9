/**
 * Every KIE model the app offers, images and videos, and the pure request/record shapes that go with
 * them. The tables live in image-models.ts and video-models.ts (each with its date), the shapes in
 * task-shapes.ts; this module joins them under the names the client and the jobs use.
 */
import type { TaskModel, TaskRequest } from './task-shapes.js';

export { CREDITS_TABLE_DATE, DEFAULT_KIE_MODEL, KIE_MODELS, kieModel, requestWarnings, type KieImageModel, type ImageShape } from './image-models.js';
export { DEFAULT_VIDEO_MODEL, KIE_VIDEO_MODELS, VIDEO_TABLE_DATE, defaultResolution, kieVideoModel, videoCredits, type KieVideoModel } from './video-models.js';
export { buildCreateRequest, parseTaskRecord, recordPath, type ImageRequest, type TaskStatus, type VideoRequest } from './task-shapes.js';

/** Any model a KIE task can be made with (image or video). */
export type KieModel = TaskModel;
/** The request of either kind; the model's `kind` says which. */
export type GenerationRequest = TaskRequest;
