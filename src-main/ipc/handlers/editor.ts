import { AppError } from '../../errors.js';
import type { Core } from '../../core.js';
import { waveformPeaks } from '../../media/waveform/peaks.js';
import type { editorCalls } from '../contract/editor.js';
import type { HandlersFor } from '../handle.js';

export function editorHandlers(core: Core): HandlersFor<keyof typeof editorCalls> {
  return {
    'waveform.peaks': async ({ projectId, assetId }) => {
      const { document } = core.projects.open(projectId);
      const asset = document.assets[assetId];
      if (!asset) throw new AppError('not_found', `Project ${document.name} has no asset ${assetId}.`);
      return waveformPeaks(core.projects.dirOf(projectId), asset, core.paths.cache);
    },
  };
}
