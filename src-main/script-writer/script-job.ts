/**
 * The `script.write` job: an idea to a script in a project, through the provider chosen in Settings
 * (or the offline template writer). The estimate is checked against the cost cap before anything is
 * paid; drafts stream into the project (so the Voice and Storyboard panels fill as the model writes);
 * the finished script, its usage and its cost are the job's result, kept in SQLite, so a restart after
 * it never asks the model again. 429/5xx/timeouts are retried on the queue's one policy.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Core } from '../core.js';
import { encodeMessage } from '../messages.js';
import { keyTestFailure, keyTestResult } from '../secrets/key-test.js';
import { applyDraft, applyScript, type ApplyScriptOptions } from '../make/apply-script.js';
import { loadTemplates } from '../templates/templates.js';
import { assertScriptWithinCap, estimateScriptCost, priceOf, type ScriptCost } from './cost.js';
import { writeOfflineScript } from './offline-writer.js';
import { listModels } from './openai-compatible.js';
import { resolveWriter, writerSettings } from './runtime.js';
import { ScriptRequestSchema, type Script, type ScriptDraft } from './script-schema.js';
import { writeScript } from './write-script.js';

export const SCRIPT_WRITE_KIND = 'script.write';

export const ScriptWritePayload = z
  .object({
    projectId: z.string().min(1),
    request: ScriptRequestSchema,
    /** Skip every provider: the offline template writer. */
    offline: z.boolean().optional(),
  })
  .strict();
export type ScriptWritePayload = z.infer<typeof ScriptWritePayload>;

export interface ScriptWriteResult {
  script: Script;
  /** "Ollama (llama3.2)", "OpenAI-compatible (api.openai.com, gpt-4o-mini)" or "offline template". */
  writer: string;
  offline: boolean;
  template: string | null;
  rounds: number;
  repaired: string | null;
  estimate: ScriptCost;
  cost: ScriptCost;
  sceneIds: string[];
}

export async function runScriptWrite(core: Core, payload: ScriptWritePayload, ctx: { signal: AbortSignal; progress: (p: number, m?: string) => void }): Promise<ScriptWriteResult> {
  const { request, projectId } = payload;
  const ids: string[] = [];
  const options: ApplyScriptOptions = {
    idea: request.idea,
    language: request.language,
    model: core.settings.get().defaultImageModel,
    sceneSeconds: 5,
    idFor: (i) => (ids[i] ??= crypto.randomUUID()),
  };
  const finish = (script: Script) => {
    core.projects.update(projectId, (doc) => applyScript(doc, script, options));
    return script.scenes.map((_s, i) => options.idFor(i));
  };
  ctx.progress(2, encodeMessage({ key: 'script.progress.choosing' }));
  const writer = await resolveWriter(core, { signal: ctx.signal, forceOffline: payload.offline === true });
  core.log(`[script] ${writer.reason}`);
  if (!writer.provider) {
    const { script, template } = writeOfflineScript(request, loadTemplates());
    const zero: ScriptCost = { promptTokens: 0, completionTokens: 0, usd: 0, estimated: false };
    return { script, writer: 'offline template', offline: true, template, rounds: 0, repaired: null, estimate: zero, cost: zero, sceneIds: finish(script) };
  }
  const provider = writer.provider;
  const estimate = estimateScriptCost(request, writer.settings, provider.local);
  assertScriptWithinCap(estimate, writer.settings.costCapUsd);
  // A draft is written whenever one more scene is complete (at most one write per scene), so the Voice
  // and Storyboard panels fill beat by beat while the model writes.
  let written = 0;
  const complete = (draft: ScriptDraft) => draft.scenes.filter((s) => s.narration.trim() && s.prompt.trim()).length;
  const result = await writeScript(provider, request, {
    jsonMode: writer.settings.jsonMode,
    signal: ctx.signal,
    onRound: (round, problem) => ctx.progress(round === 1 ? 5 : 50, encodeMessage(round === 1 ? { key: 'script.progress.writing', values: { writer: provider.label } } : { key: 'script.progress.askingAgain', values: { writer: provider.label, problem: problem ?? '' } })),
    onDraft: (draft) => {
      const done = complete(draft);
      if (done <= written) return;
      written = done;
      ctx.progress(Math.min(90, 10 + done * 8), encodeMessage({ key: done === 1 ? 'script.progress.wroteOne' : 'script.progress.wrote', values: { writer: provider.label, count: done } }));
      const beats = { ...draft, scenes: draft.scenes.slice(0, done) };
      core.projects.update(projectId, (doc) => applyDraft(doc, beats, options));
    },
  });
  const cost: ScriptCost = { ...result.usage, usd: priceOf(result.usage, writer.settings, provider.local), estimated: result.usage.estimated };
  return { script: result.script, writer: provider.label, offline: false, template: null, rounds: result.rounds, repaired: result.repaired, estimate, cost, sceneIds: finish(result.script) };
}

export function registerScriptKinds(core: Core): void {
  core.jobs.register<ScriptWritePayload, ScriptWriteResult>({
    kind: SCRIPT_WRITE_KIND,
    payload: ScriptWritePayload,
    // Local models use the whole machine and cloud accounts limit requests: one script at a time.
    concurrency: 1,
    maxAttempts: 3,
    resumable: true,
    title: (p) => encodeMessage({ key: 'script.title', values: { idea: p.request.idea.slice(0, 60) } }),
    run: (payload, ctx) => runScriptWrite(core, payload, ctx),
  });
  core.secretTesters.llm = async () => {
    const settings = writerSettings(core);
    try {
      const models = await listModels({ baseUrl: settings.baseUrl, apiKey: () => core.secrets.get('llm'), log: core.log });
      const has = models.includes(settings.model);
      return has
        ? keyTestResult(true, 'keys.llmWorks', { model: settings.model, count: models.length })
        : keyTestResult(false, 'keys.llmNoModel', { address: settings.baseUrl, model: settings.model, models: models.slice(0, 8).join(', ') });
    } catch (error) {
      return keyTestFailure(error);
    }
  };
}
