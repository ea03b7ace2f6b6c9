/**
 * What a script costs (pure): tokens estimated before asking (the prompt's text, and an answer as long
 * as the asked narration plus its prompts), counted after from the provider's usage, priced per
 * million tokens from Settings, and refused above the cap like KIE's credit cap. Local models cost 0.
 */
import { appError } from '../errors.js';
import type { ScriptWriterSettings } from '../ipc/contract/settings.js';
import { sceneCountFor, scriptMessages, targetWords } from './prompt.js';
import { estimateTokens, type TokenUsage } from './provider.js';
import type { ScriptRequest } from './script-schema.js';

export interface ScriptCost {
  promptTokens: number;
  completionTokens: number;
  usd: number;
  estimated: boolean;
}

type Prices = Pick<ScriptWriterSettings, 'inputPricePerMillion' | 'outputPricePerMillion'>;

export function priceOf(usage: Pick<TokenUsage, 'promptTokens' | 'completionTokens'>, prices: Prices, local: boolean): number {
  if (local) return 0;
  return (usage.promptTokens * prices.inputPricePerMillion + usage.completionTokens * prices.outputPricePerMillion) / 1e6;
}

/** Before the call: one round (a repair round, when needed, costs about as much again). */
export function estimateScriptCost(request: ScriptRequest, prices: Prices, local: boolean): ScriptCost {
  const promptTokens = estimateTokens(scriptMessages(request).map((m) => m.content).join('\n'));
  // Narration at ~1.4 tokens a word (more in Spanish), ~70 tokens per English prompt, ~250 for the rest.
  const completionTokens = Math.round(targetWords(request.seconds) * 1.6 + sceneCountFor(request) * 70 + 250);
  return { promptTokens, completionTokens, usd: priceOf({ promptTokens, completionTokens }, prices, local), estimated: true };
}

export function assertScriptWithinCap(estimate: ScriptCost, capUsd: number): void {
  if (estimate.usd <= capUsd) return;
  throw appError('invalid_input', 'script.overCap', { cap: capUsd.toFixed(2), usd: estimate.usd.toFixed(3) });
}

export function formatUsd(usd: number): string {
  return usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(3)}`;
}
