/** The pure parts of the script writer and the automatic mode. */
import { describe, expect, it } from 'vitest';
import { beatDurations, fitToLength, kenBurnsFor, transitionFor, wpmForLength } from '../../src-main/make/timeline-plan.js';
import { assertScriptWithinCap, estimateScriptCost, priceOf } from '../../src-main/script-writer/cost.js';
import { closePartialJson, extractJson, parsePartialObject } from '../../src-main/script-writer/json-text.js';
import { guessLanguage } from '../../src-main/script-writer/language.js';
import { closestTemplate, premiseOf, writeOfflineScript } from '../../src-main/script-writer/offline-writer.js';
import { responseFormat, chatCompletionsUrl } from '../../src-main/script-writer/openai-compatible.js';
import { replaceSentence } from '../../src-main/script-writer/rewrite.js';
import { normaliseHashtags, ScriptRequestSchema, ScriptSchema } from '../../src-main/script-writer/script-schema.js';
import { LineSplitter, sseData } from '../../src-main/script-writer/stream-lines.js';
import { draftOf } from '../../src-main/script-writer/write-script.js';
import { loadTemplates } from '../../src-main/templates/templates.js';

describe('reading JSON out of a reply', () => {
  it('finds the object in fences or prose and names what is wrong', () => {
    expect(extractJson('Sure!\n```json\n{"a": 1}\n```')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('{"a": [1, 2')).toMatchObject({ ok: false, error: expect.stringMatching(/^the JSON is cut off/) });
    expect(extractJson('{"a": 1,}')).toMatchObject({ ok: false, error: expect.stringMatching(/^the JSON is malformed/) });
    expect(extractJson('I cannot do that')).toMatchObject({ ok: false, error: 'the answer is not JSON (it starts "I cannot do that")' });
    expect(extractJson('  ')).toEqual({ ok: false, error: 'the answer was empty' });
  });

  it('closes every prefix of a streamed object so a draft can be read', () => {
    const full = JSON.stringify({ title: 'T "q" \\ x', scenes: [{ narration: 'a, b', prompt: 'p' }, { narration: 'c', prompt: 'd' }], n: 12.5, ok: true });
    for (let i = 1; i <= full.length; i++) expect(() => JSON.parse(closePartialJson(full.slice(0, i))), full.slice(0, i)).not.toThrow();
    expect(parsePartialObject(full.slice(0, full.indexOf('"prompt":"d"')))).toMatchObject({ scenes: [{ narration: 'a, b', prompt: 'p' }, { narration: 'c' }] });
    expect(draftOf(full.slice(0, 60))?.scenes).toEqual([{ narration: 'a, b', prompt: '' }]);
  });
});

describe('streams', () => {
  it('joins lines split across chunks and reads SSE data', () => {
    const lines = new LineSplitter();
    const enc = new TextEncoder();
    expect(lines.push(enc.encode('data: {"a"'))).toEqual([]);
    expect(lines.push(enc.encode(':1}\n\ndata: [DO'))).toEqual(['data: {"a":1}', '']);
    expect(lines.push(enc.encode('NE]\n'))).toEqual(['data: [DONE]']);
    expect(lines.end()).toEqual([]);
    expect(sseData('data: {"a":1}')).toBe('{"a":1}');
    expect(sseData('data: [DONE]')).toBe('done');
    expect(sseData(': keep-alive')).toBeNull();
  });

  it('asks for structured output, JSON mode or nothing, at /v1/chat/completions', () => {
    expect(responseFormat({ jsonMode: 'schema', schema: { type: 'object' } })).toMatchObject({ type: 'json_schema', json_schema: { name: 'script', strict: true } });
    expect(responseFormat({ jsonMode: 'object' })).toEqual({ type: 'json_object' });
    expect(responseFormat({ jsonMode: 'none' })).toBeUndefined();
    expect(chatCompletionsUrl('https://openrouter.ai/api/v1/')).toBe('https://openrouter.ai/api/v1/chat/completions');
    expect(chatCompletionsUrl('http://127.0.0.1:1234')).toBe('http://127.0.0.1:1234/v1/chat/completions');
  });
});

describe('language, hashtags, cost', () => {
  it('tells Spanish from English, and says nothing on too little text', () => {
    expect(guessLanguage('¿Y si la Luna desapareciera esta noche? Lo primero que notarías es la oscuridad.')).toBe('es');
    expect(guessLanguage('What if the Moon vanished tonight? The first thing you would notice is the dark.')).toBe('en');
    expect(guessLanguage('Luna')).toBeNull();
    expect(normaliseHashtags(['whatif', '#What If', '##whatif', ''])).toEqual(['#whatif', '#WhatIf']);
  });

  it('estimates a script before asking, prices usage and refuses above the cap', () => {
    const request = ScriptRequestSchema.parse({ idea: 'What if cats could talk?', language: 'en', seconds: 45 });
    const prices = { inputPricePerMillion: 1, outputPricePerMillion: 4 };
    const estimate = estimateScriptCost(request, prices, false);
    expect(estimate.completionTokens).toBeGreaterThan(300);
    expect(estimate.usd).toBeCloseTo((estimate.promptTokens + estimate.completionTokens * 4) / 1e6, 9);
    expect(estimateScriptCost(request, prices, true).usd).toBe(0);
    expect(priceOf({ promptTokens: 1_000_000, completionTokens: 500_000 }, prices, false)).toBe(3);
    expect(() => assertScriptWithinCap(estimate, 0)).toThrow(/above your cap of \$0\.00/);
    expect(() => assertScriptWithinCap(estimate, 1)).not.toThrow();
  });
});

describe('the offline writer', () => {
  const templates = loadTemplates();
  it('picks the template of the idea, and none for an idea no template has', () => {
    expect(closestTemplate('What if the Moon disappeared?', templates)?.id).toBe('moon-vanished');
    expect(closestTemplate('¿Y si la Luna desapareciera?', templates)?.id).toBe('moon-vanished');
    expect(closestTemplate('What if the internet disappeared?', templates)?.id).toBe('internet-disappeared');
    expect(closestTemplate('What if cats ruled the world?', templates)).toBeNull();
    expect(premiseOf('¿Y si los gatos hablaran?')).toBe('los gatos hablaran');
  });

  it('writes a valid script long enough for the asked length, in the asked language', () => {
    for (const [idea, language] of [['What if the Moon disappeared?', 'en'], ['¿Y si los gatos gobernaran el mundo?', 'es']] as const) {
      const { script } = writeOfflineScript(ScriptRequestSchema.parse({ idea, language, seconds: 45 }), templates);
      expect(ScriptSchema.safeParse(script).success).toBe(true);
      const words = script.scenes.map((s) => s.narration).join(' ').split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(90);
      expect(guessLanguage(script.scenes.map((s) => s.narration).join(' '))).toBe(language);
      expect(script.scenes[0]!.narration.startsWith(language === 'es' ? '¿Y si' : 'What if')).toBe(true);
    }
    const few = writeOfflineScript(ScriptRequestSchema.parse({ idea: 'What if the oceans dried up?', language: 'en', seconds: 45, scenes: 2 }), templates);
    expect(few.script.scenes).toHaveLength(2);
  });

  it('a short ask gets shorter beats (the template\'s own sentences left out), the hook kept', () => {
    const wordsOf = (seconds: number) => {
      const { script } = writeOfflineScript(ScriptRequestSchema.parse({ idea: 'What if the Moon disappeared?', language: 'en', seconds }), templates);
      return { script, words: script.scenes.map((s) => s.narration).join(' ').split(/\s+/).length };
    };
    const short = wordsOf(20);
    const long = wordsOf(45);
    // Three whole beats were 78 words (about 33 s at 140 words a minute) for a 20 s ask.
    expect(short.words).toBeLessThan(70);
    expect(short.script.scenes).toHaveLength(3);
    expect(short.script.scenes[0]!.narration.startsWith('What if the Moon disappeared?')).toBe(true);
    // A 45 s ask keeps whole beats.
    expect(long.words).toBeGreaterThanOrEqual(90);
  });
});

describe('the timeline plan', () => {
  const sentences = [
    { start: 0.02, end: 2 },
    { start: 2.3, end: 4 },
    { start: 4.6, end: 7 },
    { start: 7.6, end: 9.5 },
  ];
  it('cuts scenes at the first sentence of each beat and adds up to the narration', () => {
    expect(beatDurations(sentences, [1, 2, 1], 9.8)).toEqual([2.3, 5.3, 2.2]);
    expect(fitToLength([2.3, 5.3, 2.2], 9.8)).toEqual({ durations: [2.3, 5.3, 2.2], stretched: false });
    const fitted = fitToLength([2, 3], 10);
    expect(fitted.stretched).toBe(true);
    expect(fitted.durations.reduce((t, d) => t + d, 0)).toBeCloseTo(10, 2);
  });

  it('picks a pace for the length within the voice range, and varied moves and fitting transitions', () => {
    expect(wpmForLength(120, 45, 8, 4, 0.3)).toBe(Math.round((120 * 60) / (45 - 7 * 0.3 - 3 * 0.3 - 0.3)));
    expect(wpmForLength(1000, 10, 1, 1, 0.3)).toBe(240);
    expect(wpmForLength(5, 60, 1, 1, 0.3)).toBe(120);
    expect(kenBurnsFor(1)).not.toEqual(kenBurnsFor(0));
    expect(transitionFor(0, [3, 3])).toEqual({ kind: 'cut', duration: 0 });
    expect(transitionFor(1, [3, 0.6])).toEqual({ kind: 'crossfade', duration: 0.2 });
  });

  it('replaces one sentence and keeps the paragraphs', () => {
    const script = 'One. Two is here.\n\nThree? Four!';
    expect(replaceSentence(script, 'en', 2, 'Second one.')).toBe('One. Second one.\n\nThree? Four!');
    expect(replaceSentence(script, 'en', 4, 'Last.')).toBe('One. Two is here.\n\nThree? Last.');
    expect(() => replaceSentence(script, 'en', 5, 'x')).toThrow(/has 4 sentences, so there is no sentence 5/);
  });
});
