/**
 * Synthesised background music for the sample: a slow Am-F-C-G pad with a soft bass and a plucked
 * arpeggio, additive synthesis in plain JS, written as 16-bit mono WAV. No samples from anywhere.
 */
const CHORDS = [
  [57, 60, 64], // Am
  [53, 57, 60], // F
  [48, 52, 55], // C
  [55, 59, 62], // G
];

const hz = (midi: number) => 440 * Math.pow(2, (midi - 69) / 12);

export function synthMusic(seconds: number, rate = 22050): Float32Array {
  const n = Math.round(seconds * rate);
  const out = new Float32Array(n);
  const chordLen = 4; // seconds per chord (60 bpm, one bar)
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const ci = Math.floor(t / chordLen) % CHORDS.length;
    const chord = CHORDS[ci]!;
    const inChord = t % chordLen;
    // Pad: detuned sines with a slow swell per chord.
    const swell = Math.min(1, inChord / 0.8) * (0.75 + 0.25 * Math.cos((2 * Math.PI * inChord) / chordLen));
    let pad = 0;
    for (const note of chord) {
      const f = hz(note);
      pad += Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(2 * Math.PI * f * 1.003 * t) + 0.2 * Math.sin(2 * Math.PI * f * 2 * t);
    }
    pad *= 0.045 * swell;
    // Bass: root an octave down, gentle.
    const bass = 0.12 * Math.sin(2 * Math.PI * hz(chord[0]! - 12) * t) * Math.min(1, inChord / 0.05) * Math.exp(-inChord * 0.35);
    // Arpeggio: eighth notes (0.5 s) through the chord, plucked.
    const step = Math.floor(inChord / 0.5);
    const inStep = inChord % 0.5;
    const arpNote = chord[[0, 1, 2, 1][step % 4]!]! + 12;
    const pluck = 0.09 * Math.sin(2 * Math.PI * hz(arpNote) * t) * Math.exp(-inStep * 7) * Math.min(1, inStep / 0.004);
    out[i] = pad + bass + pluck;
  }
  // Fade the loop ends.
  const fade = Math.round(rate * 1.5);
  for (let i = 0; i < fade && i < n; i++) {
    out[i]! *= i / fade;
    out[n - 1 - i]! *= i / fade;
  }
  return out;
}

export function wavBuffer(samples: Float32Array, rate: number): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  let peak = 0;
  for (const s of samples) peak = Math.max(peak, Math.abs(s));
  const gain = peak > 0.9 ? 0.9 / peak : 1;
  for (let i = 0; i < samples.length; i++) data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, samples[i]! * gain)) * 32767), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
