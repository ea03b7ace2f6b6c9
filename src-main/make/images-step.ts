/**
 * The images of the automatic mode. KIE (through the same `scene.image` jobs and cost cap as the
 * Storyboard's "Generate all", scenes 2..N with scene 1 as the character reference) when the key is
 * set; otherwise, or for any scene KIE could not draw, the user's own pictures or placeholder art made
 * here, so the short always finishes; every fallback is said in `warnings` (encoded messages: the
 * page words them in its language, the CLI in English).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { nestedValues, toAppError } from '../errors.js';
import { generateScenes } from '../images/batch.js';
import { importImage } from '../images/import-image.js';
import { placeSceneImage } from '../images/timeline-place.js';
import type { JobRunContext } from '../jobs/types.js';
import { storeAssetBuffer } from '../project/assets.js';
import type { Asset } from '../project/document.js';
import { readProjectFile } from '../project/project-file.js';
import { waitForJobs } from './child-jobs.js';
import type { ImagesOutcome, MakePayload } from './make-payload.js';
import { placeholderArt } from './placeholder-art.js';

const OWN_IMAGE = /\.(jpe?g|png|webp)$/i;

async function fromKie(core: Core, payload: MakePayload, ctx: JobRunContext, range: { from: number; to: number }, outcome: ImagesOutcome): Promise<void> {
  let ids = (ctx.saved?.imageJobs as string[] | undefined) ?? null;
  if (!ids) {
    try {
      ids = generateScenes(core, payload.projectId).jobs.map((j) => j.id);
    } catch (error) {
      outcome.warnings.push(encodeMessage({ key: 'make.warn.kieNotAsked', values: nestedValues('problem', toAppError(error)) }));
      return;
    }
    ctx.checkpoint({ imageJobs: ids });
  }
  const progress = new Map<string, number>();
  const finished = await waitForJobs(core, ids, ctx.signal, (job) => {
    progress.set(job.id, job.state === 'done' ? 100 : job.progress);
    const mean = [...progress.values()].reduce((t, p) => t + p, 0) / ids!.length;
    ctx.progress(range.from + ((range.to - range.from) * mean) / 100, encodeMessage({ key: 'make.progress.imagesFromKie', values: { done: [...progress.values()].filter((p) => p >= 100).length, count: ids!.length } }));
  });
  for (const job of finished) {
    if (job.state === 'done') outcome.kie++;
    else {
      const problem = job.error ? (job.error.key ? { key: job.error.key, ...(job.error.values ? { values: job.error.values } : {}) } : job.error.message) : job.state;
      outcome.warnings.push(encodeMessage({ key: 'make.warn.scenePlaceholder', values: { scene: job.titleValues?.scene ?? '?', ...nestedValues('problem', problem) } }));
    }
  }
}

async function fromFolder(core: Core, payload: MakePayload, outcome: ImagesOutcome): Promise<void> {
  const dir = payload.ownImagesDir;
  const files = dir && fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => OWN_IMAGE.test(f)).sort() : [];
  if (files.length === 0) {
    outcome.warnings.push(encodeMessage(dir ? { key: 'make.warn.noOwnPictures', values: { folder: dir } } : { key: 'make.warn.noOwnFolder' }));
    return;
  }
  const doc = readProjectFile(core.projects.dirOf(payload.projectId));
  let n = 0;
  for (const scene of doc.scenes) {
    if (scene.imageAssetId) continue;
    const file = files[n++ % files.length]!;
    try {
      await importImage(core, { projectId: payload.projectId, file: path.join(dir!, file), sceneId: scene.id });
      outcome.own++;
    } catch (error) {
      outcome.warnings.push(encodeMessage({ key: 'make.warn.scenePlaceholder', values: { scene: doc.scenes.indexOf(scene) + 1, ...nestedValues('problem', toAppError(error)) } }));
    }
  }
}

/** Placeholder art for every scene still without a picture, placed in one project update. */
async function placeholders(core: Core, projectId: string, outcome: ImagesOutcome): Promise<void> {
  const dir = core.projects.dirOf(projectId);
  const doc = readProjectFile(dir);
  const made: { sceneId: string; asset: Asset }[] = [];
  for (const [index, scene] of doc.scenes.entries()) {
    if (scene.imageAssetId && doc.assets[scene.imageAssetId]) continue;
    const { width, height } = doc.output;
    const data = await placeholderArt({ index, prompt: scene.prompt, width, height });
    made.push({ sceneId: scene.id, asset: await storeAssetBuffer(dir, data, 'jpg', { kind: 'image', source: 'generated', mime: 'image/jpeg', width, height }) });
  }
  if (made.length === 0) return;
  core.projects.update(projectId, (current) => made.reduce((d, m) => placeSceneImage(d, m.sceneId, m.asset), current));
  outcome.placeholders += made.length;
}

export async function fillImages(core: Core, payload: MakePayload, ctx: JobRunContext, range: { from: number; to: number }): Promise<ImagesOutcome> {
  const outcome: ImagesOutcome = { kie: 0, own: 0, placeholders: 0, warnings: [] };
  const hasKey = (await core.secrets.get('kie')) !== null;
  const mode = payload.images === 'auto' ? (hasKey ? 'kie' : 'none') : payload.images;
  if (mode === 'kie') {
    if (hasKey) await fromKie(core, payload, ctx, range, outcome);
    else outcome.warnings.push(encodeMessage({ key: 'make.warn.noKieKey' }));
  }
  if (mode === 'own') await fromFolder(core, payload, outcome);
  await placeholders(core, payload.projectId, outcome);
  return outcome;
}
