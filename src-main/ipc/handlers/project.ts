import path from 'node:path';
import { unwrapMissingBinary } from '../../platform/diagnostics.js';
import { resourcePath } from '../../platform/app-root.js';
import type { Core } from '../../core.js';
import { withCaptionStyle } from '../../media/captions/look.js';
import type { projectCalls } from '../contract/project.js';
import type { HandlersFor } from '../handle.js';
import { pageFolder, pageTarget } from '../../files/page-paths.js';

export function projectHandlers(core: Core): HandlersFor<keyof typeof projectCalls> {
  const { projects } = core;
  return {
    'app.info': () => ({
      name: 'WhatIf Studio',
      version: core.version,
      platform: `${process.platform}-${process.arch}`,
      dataDir: core.paths.home,
      mode: core.mode,
      ffmpeg: unwrapMissingBinary('ffmpeg'),
    }),
    'project.list': () => projects.list(),
    'project.create': (input) => {
      // A new project starts with the caption style chosen as the default in the gallery; only in a
      // folder the user may use (none = the data folder's projects/).
      const captionStyle = core.settings.get().defaultCaptionStyle;
      const checked = { ...input, ...(input.parentDir === undefined ? {} : { parentDir: pageFolder(core, 'parentDir', input.parentDir) }) };
      const summary = projects.create(checked, captionStyle ? (doc) => ({ ...doc, tracks: { ...doc.tracks, captions: withCaptionStyle(doc.tracks.captions, captionStyle) } }) : undefined);
      if (input.templateId && core.applyTemplate) core.applyTemplate(summary.id, input.templateId);
      return projects.list().find((p) => p.id === summary.id) ?? summary;
    },
    'project.open': ({ id }) => projects.open(id),
    'project.openFolder': ({ dir }) => projects.openFolder(pageFolder(core, 'dir', dir)),
    'project.save': ({ id, document, expectedUpdatedAt }) => projects.save(id, document, 'saved', expectedUpdatedAt),
    'project.rename': ({ id, name }) => projects.rename(id, name),
    'project.delete': ({ id, confirmId }) => {
      projects.delete(id, confirmId);
      return { ok: true as const };
    },
    'project.exportCopy': ({ id, destDir }) => ({ dir: projects.exportCopy(id, pageTarget(core, 'destDir', destDir)) }),
    'project.createDemo': () => projects.importCopy(path.resolve(resourcePath('sample')), core.settings.get().uiLanguage === 'es' ? 'Demo: ¿Y si la Luna desapareciera?' : 'Demo: What if the Moon vanished?'),
  };
}
