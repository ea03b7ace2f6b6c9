/** Voice files and engines on bad input: clear errors, nothing half-installed; cancel kills the engine process. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeNarration, narrationRuntime, resolveEngine } from '../../src-main/narration/runtime.js';
import { synthesizeScript } from '../../src-main/narration/synthesize.js';
import { addVoice, listVoices, removeVoice } from '../../src-main/narration/voices/manage.js';
import { makeTestCore, tempDir } from '../helpers/temp-core.js';
import { testVoice } from './helpers.js';

let core: ReturnType<typeof makeTestCore>;
let gen: string;
beforeAll(() => {
  gen = tempDir('whatif-badvoice-');
  core = makeTestCore();
});
afterAll(async () => {
  closeNarration(core);
  await core.cleanup();
  fs.rmSync(gen, { recursive: true, force: true });
});

const installed = () => fs.readdirSync(core.paths.voices);

describe('adding voices', () => {
  it('refuses a missing file, a missing or malformed .onnx.json and a model that is not ONNX, leaving nothing', async () => {
    await expect(addVoice(core, path.join(gen, 'nope.onnx'))).rejects.toThrow(/does not exist/);
    const lonely = path.join(gen, 'lonely.onnx');
    fs.writeFileSync(lonely, Buffer.alloc(100));
    await expect(addVoice(core, lonely)).rejects.toThrow(/lonely\.onnx\.json is missing/);

    const good = testVoice(path.join(gen, 'a'), { name: 'en_US-bad-low' });
    fs.writeFileSync(`${good}.json`, '{"audio": ');
    await expect(addVoice(core, good)).rejects.toThrow(/en_US-bad-low\.onnx\.json is not valid JSON/);
    fs.writeFileSync(`${good}.json`, JSON.stringify({ audio: { sample_rate: 22050 }, espeak: { voice: 'en-us' }, num_speakers: 1 }));
    await expect(addVoice(core, good)).rejects.toThrow(/is not a Piper voice config: phoneme_id_map/);
    fs.writeFileSync(`${good}.json`, JSON.stringify({ audio: { sample_rate: 22050 }, espeak: { voice: 'en-us' }, num_speakers: 1, phoneme_id_map: { '^': [1], $: [2], _: [0], ab: [3] } }));
    await expect(addVoice(core, good)).rejects.toThrow(/maps the phoneme "ab", which is not one character/);

    const garbage = testVoice(path.join(gen, 'b'), { name: 'en_US-garbage-low' });
    fs.writeFileSync(garbage, Buffer.from('this is not an onnx model at all, just text'.repeat(10)));
    await expect(addVoice(core, garbage)).rejects.toThrow(/is not a Piper voice model the engine can load/);
    expect(installed()).toEqual([]);
  });

  it('refuses a voice whose language has no phonemizer', async () => {
    const alien = testVoice(path.join(gen, 'c'), { name: 'xx_XX-alien-low', espeakVoice: 'xx-yy' });
    await expect(addVoice(core, alien)).rejects.toThrow(/speaks "xx-yy", a language the espeak-ng phonemizer does not know/);
    expect(installed()).toEqual([]);
  });

  it('installs, lists and removes a voice; a second copy is refused', async () => {
    const file = testVoice(path.join(gen, 'd'), { name: 'es_ES-test-low', espeakVoice: 'es', sampleRate: 16000 });
    const voice = await addVoice(core, file);
    expect(voice).toMatchObject({ id: 'piper:es_ES-test-low', language: 'es_ES', quality: 'low', sampleRate: 16000, speakers: 1 });
    await expect(addVoice(core, file)).rejects.toThrow(/already installed/);
    expect(listVoices(core).map((v) => v.id)).toEqual(['piper:es_ES-test-low', 'system:en', 'system:es']);
    removeVoice(core, 'piper:es_ES-test-low');
    expect(installed()).toEqual([]);
  });
});

describe('multi-speaker voices', () => {
  it('lists the speakers and reads with the one asked for (piper:<id>#<speaker>)', async () => {
    const voice = await addVoice(core, testVoice(path.join(gen, 'm'), { name: 'en_GB-duo-medium', espeakVoice: 'en-gb', speakers: ['alba', 'bruce'] }));
    expect(voice).toMatchObject({ speakers: 2, speakerNames: ['alba', 'bruce'] });
    const read = async (id: string) => (await synthesizeScript(resolveEngine(core, id), narrationRuntime(core).calibration, { script: 'Tea time.', wpm: 170 })).audio;
    const [a, b, b2] = [await read('piper:en_GB-duo-medium#alba'), await read('piper:en_GB-duo-medium#bruce'), await read('piper:en_GB-duo-medium#1')];
    expect(a.samples.length).toBe(b.samples.length);
    expect(Array.from(b.samples)).toEqual(Array.from(b2.samples)); // name and number pick the same speaker
    expect(Array.from(a.samples)).not.toEqual(Array.from(b.samples)); // another speaker, another sound
    expect(() => resolveEngine(core, 'piper:en_GB-duo-medium#carl')).toThrow(/has no speaker "carl"\. Its speakers: alba, bruce/);
    removeVoice(core, 'piper:en_GB-duo-medium');
  });
});

describe('synthesis on bad input', () => {
  it('names the phoneme a voice cannot say', async () => {
    // "ð" is the first sound of "the" in espeak-ng's English
    await addVoice(core, testVoice(path.join(gen, 'e'), { name: 'en_US-nothe-medium', omitSymbols: ['ð'] }));
    const engine = resolveEngine(core, 'piper:en_US-nothe-medium');
    await expect(synthesizeScript(engine, narrationRuntime(core).calibration, { script: 'Look at the sky.', wpm: 170 })).rejects.toThrow(/phoneme map has no "ð" \(U\+00F0\)/);
  });

  it('reads Spanish with a Spanish voice, and cancelling kills the engine process', async () => {
    await addVoice(core, testVoice(path.join(gen, 'f'), { name: 'es_MX-test-medium', espeakVoice: 'es-419' }));
    const engine = resolveEngine(core, 'piper:es_MX-test-medium') as ReturnType<typeof resolveEngine> & { process: { starts: number } };
    const ok = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: '¿Y si el mar se congelara? Nadie lo sabría.', wpm: 150 });
    expect(ok.sentences.map((s) => s.text)).toEqual(['¿Y si el mar se congelara?', 'Nadie lo sabría.']);
    const startsBefore = engine.process.starts;
    const controller = new AbortController();
    const long = Array.from({ length: 200 }, (_, i) => `Esta es la frase número ${i + 1}.`).join(' ');
    const progress: string[] = [];
    const running = synthesizeScript(engine, narrationRuntime(core).calibration, {
      script: long,
      wpm: 150,
      signal: controller.signal,
      progress: (_p, message) => {
        progress.push(message);
        // abort while sentence 4 is in the engine process (sent synchronously after this callback)
        if (message.startsWith('Reading sentence 3 ')) setImmediate(() => controller.abort());
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(progress.at(-1)).toMatch(/^Reading sentence 3 of 200/);
    // the next request starts a fresh process and works
    const again = await synthesizeScript(engine, narrationRuntime(core).calibration, { script: 'Otra vez.', wpm: 150 });
    expect(again.sentences).toHaveLength(1);
    expect(engine.process.starts).toBe(startsBefore + 1);
  });
});
