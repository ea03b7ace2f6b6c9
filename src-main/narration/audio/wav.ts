/**
 * WAV PCM 16-bit mono: encode, decode, peak-normalise, silence and joining. Pure functions on
 * Float32Array samples in -1..1; the engines produce them and the synthesiser writes the file once.
 */
import { appError } from '../../errors.js';

export interface Audio {
  samples: Float32Array;
  sampleRate: number;
}

export function durationOf(audio: Audio): number {
  return audio.samples.length / audio.sampleRate;
}

export function silence(seconds: number, sampleRate: number): Float32Array {
  return new Float32Array(Math.max(0, Math.round(seconds * sampleRate)));
}

export function concatSamples(parts: Float32Array[]): Float32Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Scales so the loudest sample peaks at `peak` (default -1 dBFS); silence stays silence. */
export function peakNormalise(samples: Float32Array, peak = 0.891): Float32Array {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  if (max < 1e-6) return samples;
  const gain = peak / max;
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! * gain;
  return out;
}

export function encodeWav(audio: Audio): Buffer {
  const { samples, sampleRate } = audio;
  const data = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    data.writeInt16LE(Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/**
 * Decodes PCM 16-bit (or 32-bit float) WAV, mono or interleaved (channels averaged). Tolerates the
 * 0xFFFFFFFF sizes that streaming writers (espeak-ng --stdout) leave in the header.
 */
export function decodeWav(buffer: Buffer, label = 'the audio'): Audio {
  const bad = (why: string) => appError('provider_error', 'narration.notWav', { label, why });
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') throw bad('no RIFF/WAVE header');
  let offset = 12;
  let format = 0;
  let channels = 0;
  let sampleRate = 0;
  let bits = 0;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    let size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = buffer.readUInt16LE(body);
      channels = buffer.readUInt16LE(body + 2);
      sampleRate = buffer.readUInt32LE(body + 4);
      bits = buffer.readUInt16LE(body + 14);
      if (format === 0xfffe && size >= 26) format = buffer.readUInt16LE(body + 24);
    } else if (id === 'data') {
      if (!sampleRate || !channels) throw bad('data before fmt');
      if (size === 0xffffffff || body + size > buffer.length) size = buffer.length - body;
      const bytesPer = bits / 8;
      const frames = Math.floor(size / (bytesPer * channels));
      const samples = new Float32Array(frames);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) {
          const at = body + (f * channels + c) * bytesPer;
          if (format === 1 && bits === 16) sum += buffer.readInt16LE(at) / 0x8000;
          else if (format === 3 && bits === 32) sum += buffer.readFloatLE(at);
          else throw bad(`format ${format}, ${bits}-bit`);
        }
        samples[f] = sum / channels;
      }
      return { samples, sampleRate };
    }
    offset = body + size + (size % 2);
  }
  throw bad('no data chunk');
}

/** Raw little-endian 16-bit PCM (ElevenLabs pcm_* formats) to samples. */
export function pcm16ToSamples(data: Buffer): Float32Array {
  const samples = new Float32Array(Math.floor(data.length / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = data.readInt16LE(i * 2) / 0x8000;
  return samples;
}
