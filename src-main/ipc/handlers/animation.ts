import type { Core } from '../../core.js';
import { animateScenes, planAnimation, readBalance } from '../../animation/batch.js';
import { KIE_VIDEO_MODELS, VIDEO_TABLE_DATE } from '../../providers/kie/video-models.js';
import type { animationCalls } from '../contract/animation.js';
import type { HandlersFor } from '../handle.js';

export function animationHandlers(core: Core): HandlersFor<keyof typeof animationCalls> {
  return {
    'animation.models': () => ({
      models: Object.values(KIE_VIDEO_MODELS).map((m) => ({ id: m.id, label: m.label, durations: m.durations, resolutions: m.resolutions, lastFrame: m.lastFrame, negativePrompt: m.negativePrompt, credits: m.credits })),
      tableDate: VIDEO_TABLE_DATE,
    }),
    'scenes.animateEstimate': async (input, ctx) => {
      const { estimate } = planAnimation(core, input);
      const balance = await readBalance(core, ctx.signal);
      return { ...estimate, balance: balance.credits, balanceMessage: balance.message, ...(balance.key ? { balanceKey: balance.key, ...(balance.values ? { balanceValues: balance.values } : {}) } : {}) };
    },
    'scenes.animate': (input) => animateScenes(core, input),
    'account.credits': (_input, ctx) => readBalance(core, ctx.signal),
  };
}
