import { appError } from '../../errors.js';
import type { Core } from '../../core.js';
import { waveformPeaks } from '../../media/waveform/peaks.js';
import { ownAsset } from '../../project/assets.js';
import type { editorCalls } from '../contract/editor.js';
import type { HandlersFor } from '../handle.js';

export function editorHandlers(core: Core): HandlersFor<keyof typeof editorCalls> {
  return {
    'waveform.peaks': async ({ projectId, assetId }, ctx) => {
      const { document } = core.projects.open(projectId);
      const asset = ownAsset(document, assetId);
      if (!asset) throw appError('not_found', 'project.noSuchAsset', { name: document.name });
      // The call's signal: ffmpeg stops when the call is past its bound or the page went away.
      return waveformPeaks(core.projects.dirOf(projectId), asset, core.paths.cache, ctx.signal);
    },
  };
}
