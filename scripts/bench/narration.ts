/**
 * `npm run bench:narration`: the cost of the Piper engine path against raw model inference, in the
 * same run. No real voice can be downloaded here, so the voice is the generated test voice with a
 * compute load (MatMul layers) that makes inference cost about what a medium VITS voice costs.
 *   piper_overhead  wall time of narrating a 300-word script through the engine process (phonemizer
 *                   preflight, IPC, per-sentence reads, timings, join, normalise) ÷ the raw inference
 *                   time of the same sentences (same text → same phoneme ids, same length_scale) with
 *                   sherpa-onnx in this process. Target ≤ 1.2.
 *   rtf             wall time ÷ audio length (real-time factor; below 1 is faster than real time).
 * The model is loaded and the voice calibrated before timing (a first narration), as in the app.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createCore } from '../../src-main/core.js';
import { durationOf } from '../../src-main/narration/audio/wav.js';
import { espeakDataDir } from '../../src-main/narration/piper/phonemes.js';
import { closeNarration, narrationRuntime, resolveEngine } from '../../src-main/narration/runtime.js';
import { splitScript } from '../../src-main/narration/script.js';
import { synthesizeScript, trimToSpeech } from '../../src-main/narration/synthesize.js';
import { addVoice } from '../../src-main/narration/voices/manage.js';
import { MemorySecretStore } from '../../src-main/secrets/secret-store.js';
import { makeTestVoice } from '../voices/make-test-voice.js';
import { tempDir } from '../../test/helpers/temp-core.js';

const LAYERS = Number(process.env.BENCH_LAYERS ?? 24);
const WIDTH = Number(process.env.BENCH_WIDTH ?? 1024);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SENTENCES = [
  'What if the moon disappeared tonight, without a sound or a warning?',
  'The tides would shrink to a whisper along every coast of the world.',
  'Fishermen would wake to find their boats resting on dry, cracked mud.',
  'Nights would grow darker than anyone alive has ever seen before.',
  'Birds that travel by moonlight would circle, lost, above the sleeping cities.',
  'Scientists would rush to their telescopes, searching an empty sky for answers.',
  'Without the pull of the moon, the Earth would begin to wobble on its axis.',
  'Seasons could swing wildly, bringing summer snow and winter heat waves.',
  'Over thousands of years, the length of a day would slowly change.',
  'Coral reefs that spawn by the full moon would lose their ancient signal.',
  'Poets would have to find a new word for longing, and a new light for lovers.',
  'Yet life on Earth has survived ice ages, asteroids and endless change.',
  'Little by little, plants and animals would adapt to the new darkness.',
  'Children born after that night would never know what they were missing.',
  'They would read about the moon in old books, like a legend from another world.',
  'And on some quiet evening, one of them might look up and wonder where it went.',
];
// 300 words: the sentences in order (a paragraph every four), repeated as needed
const picked: string[] = [];
for (let count = 0, i = 0; count < 300; i++) {
  const sentence = SENTENCES[i % SENTENCES.length]!;
  picked.push(sentence + (i % 4 === 3 ? '\n\n' : ' '));
  count += splitScript(sentence, 'en')[0]!.words.length;
}
const script = picked.join('');
const sentences = splitScript(script, 'en');
const words = sentences.reduce((n, s) => n + s.words.length, 0);

const home = tempDir('whatif-bench-narration-');
const core = createCore({ mode: 'cli', startJobs: false, home, secrets: new MemorySecretStore() });
try {
  const onnx = makeTestVoice(path.join(home, 'gen'), { name: 'en_US-bench-medium', load: { layers: LAYERS, width: WIDTH } });
  await addVoice(core, onnx);
  const engine = resolveEngine(core, 'piper:en_US-bench-medium');
  const calibration = narrationRuntime(core).calibration;
  await synthesizeScript(engine, calibration, { script: SENTENCES.slice(0, 3).join(' '), wpm: 170 }); // load + calibrate

  const proc = (engine as typeof engine & { process: { inferMs: number } }).process;
  const voice = narrationRuntime(core).store.get('en_US-bench-medium');
  const require = createRequire(import.meta.url);
  const sherpa = require('sherpa-onnx-node') as { OfflineTts: new (c: unknown) => { generate(r: { text: string; sid: number; speed: number }): { samples: Float32Array; sampleRate: number } } };
  const tts = new sherpa.OfflineTts({ model: { vits: { model: voice.model, tokens: voice.tokens, dataDir: espeakDataDir(), lengthScale: 1 }, numThreads: 1, debug: 0, provider: 'cpu' }, maxNumSentences: 1 });
  tts.generate({ text: SENTENCES[0]!, sid: 0, speed: 1 }); // warm

  // The machine is shared: rounds alternate engine and raw runs, and the fastest of each counts.
  let wall = Infinity;
  let raw = Infinity;
  let inProcess = 0;
  let rawSamples = 0;
  let result!: Awaited<ReturnType<typeof synthesizeScript>>;
  for (let round = 0; round < ROUNDS; round++) {
    const inferBefore = proc.inferMs;
    const started = performance.now();
    result = await synthesizeScript(engine, calibration, { script, wpm: 170 });
    const w = performance.now() - started;
    if (w < wall) {
      wall = w;
      inProcess = proc.inferMs - inferBefore;
    }
    const lengthScale = result.wpm.rate ?? 1;
    let r = 0;
    rawSamples = 0;
    for (const sentence of sentences) {
      const t = performance.now();
      const audio = tts.generate({ text: sentence.text, sid: 0, speed: 1 / lengthScale });
      r += performance.now() - t;
      rawSamples += trimToSpeech(audio).samples.length;
    }
    raw = Math.min(raw, r);
  }
  const lengthScale = result.wpm.rate ?? 1;
  const seconds = durationOf(result.audio);
  console.log(`script ${words} words, ${sentences.length} sentences; voice: test voice + ${LAYERS}×${WIDTH} MatMul load; length_scale ${lengthScale.toFixed(3)}; best of ${ROUNDS} rounds`);
  console.log(`audio ${seconds.toFixed(2)} s (speech samples match raw: ${rawSamples === result.sentences.reduce((n, s) => n + Math.round((s.end - s.start) * result.audio.sampleRate), 0)}), measured ${result.wpm.measured} wpm (asked 170)`);
  console.log(`engine wall ${(wall / 1000).toFixed(3)} s (model time inside the engine process ${(inProcess / 1000).toFixed(3)} s), raw inference ${(raw / 1000).toFixed(3)} s`);
  console.log(`piper_overhead ${(wall / raw).toFixed(3)}`);
  console.log(`rtf ${(wall / 1000 / seconds).toFixed(4)}`);
} finally {
  closeNarration(core);
  await core.close();
  fs.rmSync(home, { recursive: true, force: true });
}
