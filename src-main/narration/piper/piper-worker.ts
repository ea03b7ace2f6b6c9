/**
 * The Piper engine process: one per voice, long-lived, so a long script loads the model once. Runs
 * sherpa-onnx (espeak-ng phonemes → ids → the VITS model) off the app's main thread. Protocol over
 * the IPC channel (Node's fork with advanced serialization, or Electron's utilityProcess parentPort:
 * both structured-clone, samples travel as Float32Array):
 *   → { type: 'synth', id, text, lengthScale, speaker }   ← { type: 'audio', id, samples, sampleRate, inferMs }
 *   ← { type: 'ready', sampleRate, speakers } once, or { type: 'error', id?, message }
 */
import { createRequire } from 'node:module';

interface Tts {
  sampleRate: number;
  numSpeakers: number;
  generate(request: { text: string; sid: number; speed: number }): { samples: Float32Array; sampleRate: number };
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const require = createRequire(import.meta.url);
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
const send = (message: unknown) => (parentPort ? parentPort.postMessage(message) : process.send?.(message));
const onMessage = (listener: (message: unknown) => void) => (parentPort ? parentPort.on('message', (event) => listener(event.data)) : process.on('message', listener));
const [model, tokens, dataDir] = process.argv.slice(2);

let tts: Tts;
try {
  const sherpa = require('sherpa-onnx-node') as { OfflineTts: new (config: unknown) => Tts };
  tts = new sherpa.OfflineTts({
    model: { vits: { model, tokens, dataDir, lengthScale: 1, noiseScale: 0.667, noiseScaleW: 0.8 }, numThreads: 1, debug: 0, provider: 'cpu' },
    maxNumSentences: 1,
  });
  send({ type: 'ready', sampleRate: tts.sampleRate, speakers: tts.numSpeakers });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}

onMessage((raw) => {
  const message = raw as { type: string; id: number; text: string; lengthScale: number; speaker: number };
  if (message.type !== 'synth') return;
  try {
    const started = performance.now();
    const audio = tts.generate({ text: message.text, sid: message.speaker, speed: 1 / message.lengthScale });
    send({ type: 'audio', id: message.id, samples: audio.samples, sampleRate: audio.sampleRate, inferMs: performance.now() - started });
  } catch (error) {
    send({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
