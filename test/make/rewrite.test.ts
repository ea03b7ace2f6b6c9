/** Rewriting one part of a made script through the contract, and the script writer's key tester, against the fake LLM. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { startMake } from '../../src-main/make/start-make.js';
import { call } from '../helpers/temp-core.js';
import { makeRig, type MakeRig } from './harness.js';

let rig: MakeRig | null = null;
afterEach(async () => {
  await rig?.cleanup();
  rig = null;
});

describe('rewriting and testing the key', () => {
  it('rewrites one sentence and one scene prompt, leaving the rest as it was', async () => {
    rig = await makeRig();
    const { projectId, job } = startMake(rig.core, { idea: 'What if clouds were solid?', language: 'en', seconds: 12, scenes: 3, stopAfterStoryboard: true });
    rig.core.jobs.start();
    await rig.core.jobs.waitFor(job.id);
    const before = (await call<{ document: ProjectDocument }>(rig.core, 'project.open', { id: projectId })).document;
    const sentence = await call<{ text: string; document: ProjectDocument }>(rig.core, 'script.rewrite', { projectId, part: 'sentence', index: 3 });
    expect(sentence.text).toBe('Even stranger: In beat 2 of the story, the world would change again and nobody would be ready for it.');
    const paragraphs = sentence.document.narration.script.split('\n\n');
    expect(paragraphs[1]).toBe(sentence.text);
    expect(paragraphs[0]).toBe(before.narration.script.split('\n\n')[0]);
    const prompt = await call<{ text: string; document: ProjectDocument }>(rig.core, 'script.rewrite', { projectId, part: 'prompt', index: 2, instruction: 'at night' });
    expect(prompt.document.scenes[1]!.prompt).toBe(`Even stranger: ${before.scenes[1]!.prompt}`);
    expect(prompt.document.scenes[0]!.prompt).toBe(before.scenes[0]!.prompt);
    const missing = await rig.core.dispatch('script.rewrite', { projectId, part: 'prompt', index: 9 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '"What if clouds were solid?" has 3 scenes, so there is no scene 9.' } });
  }, 60_000);

  it('the key tester lists the models without paying for a chat', async () => {
    rig = await makeRig();
    expect(await call(rig.core, 'secrets.test', { name: 'llm' })).toEqual({ ok: true, message: 'The script writer key works: fake-gpt is available (1 models).', key: 'keys.llmWorks', values: { model: 'fake-gpt', count: 1 } });
    expect(rig.llm.calls).toHaveLength(0);
    await rig.core.secrets.set('llm', 'a-wrong-key-0000');
    const bad = await call<{ ok: boolean; message: string }>(rig.core, 'secrets.test', { name: 'llm' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/refused the API key \(HTTP 401\)/);
  });
});
