/**
 * The audio side of the render plan, pure: every clip with sound placed on the timeline (source in,
 * speed, gain, fades), whatever asks to duck lowered under the narration with a sidechain compressor
 * keyed by the voice, everything mixed and cut to the project length, ending in the label [mix].
 * Loudness normalisation is loudness.ts; render-audio.ts runs both.
 */
import type { MediaClip, TrackRole } from '../../project/document.js';

export interface AudioInput {
  clip: MediaClip;
  file: string;
  /** The role of the clip's track: narration is the ducking key. */
  role: TrackRole;
  /** Linear gain (the clip's dB and the track's mute, see clipGain). */
  gain: number;
  /** How messages name the clip ('clip 1 ("voice.wav") of Narration'). */
  label?: string;
}

export interface AudioGraph {
  /** Files in input order (ffmpeg -i each). */
  files: string[];
  /** Filter graph ending in the label [mix] (before loudness normalisation). */
  graph: string;
}

const n = (v: number): string => (Math.round(v * 1e6) / 1e6).toString();

/** atempo takes 0.5 to 2 per instance here: 0.25 is two halves, 4 two doubles. */
export function atempoChain(speed: number): string[] {
  const parts: string[] = [];
  let rest = speed;
  while (rest < 0.5 - 1e-9) {
    parts.push('atempo=0.5');
    rest /= 0.5;
  }
  while (rest > 2 + 1e-9) {
    parts.push('atempo=2');
    rest /= 2;
  }
  if (Math.abs(rest - 1) > 1e-9) parts.push(`atempo=${n(rest)}`);
  return parts;
}

function clipChain(input: number, source: AudioInput, label: string): string {
  const { clip, gain } = source;
  const parts = [`[${input}:a]atrim=start=${n(clip.sourceIn)}:duration=${n(clip.duration * clip.speed)}`, 'asetpts=PTS-STARTPTS', ...atempoChain(clip.speed), 'aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo'];
  if (gain !== 1) parts.push(`volume=${n(gain)}`);
  if (clip.fadeIn > 0) parts.push(`afade=t=in:st=0:d=${n(clip.fadeIn)}`);
  if (clip.fadeOut > 0) parts.push(`afade=t=out:st=${n(Math.max(0, clip.duration - clip.fadeOut))}:d=${n(clip.fadeOut)}`);
  const delay = Math.round(clip.start * 1000);
  if (delay > 0) parts.push(`adelay=${delay}:all=1`);
  return `${parts.join(',')}[${label}]`;
}

function bus(labels: string[], out: string, duration: number): string {
  const pad = `apad=whole_dur=${n(duration)},atrim=duration=${n(duration)}`;
  if (labels.length === 1) return `[${labels[0]}]${pad}[${out}]`;
  return `${labels.map((l) => `[${l}]`).join('')}amix=inputs=${labels.length}:normalize=0:duration=longest,${pad}[${out}]`;
}

/** null when the project has no audio clips. */
export function buildAudioGraph(inputs: readonly AudioInput[], duration: number): AudioGraph | null {
  if (inputs.length === 0) return null;
  const lines: string[] = [];
  const narration: string[] = [];
  const ducked: string[] = [];
  const plain: string[] = [];
  inputs.forEach((input, i) => {
    const label = `a${i}`;
    lines.push(clipChain(i, input, label));
    if (input.role === 'narration') narration.push(label);
    else if (input.clip.duck) ducked.push(label);
    else plain.push(label);
  });
  const mixInputs: string[] = [];
  if (narration.length > 0) {
    lines.push(bus(narration, 'voice', duration));
    if (ducked.length > 0) lines.push('[voice]asplit=2[voicemix][voicekey]');
    mixInputs.push(ducked.length > 0 ? 'voicemix' : 'voice');
  }
  if (ducked.length > 0) {
    lines.push(bus(ducked, 'music', duration));
    if (narration.length > 0) {
      // Any speech above -50 dBFS ducks the music hard; mix=0.78 caps the dip at about -13 dB, so the
      // depth does not depend on how loud the voice was recorded. Back up within ~0.4 s after speech.
      lines.push('[music][voicekey]sidechaincompress=threshold=0.003:ratio=20:attack=20:release=400:mix=0.78[musicducked]');
      mixInputs.push('musicducked');
    } else mixInputs.push('music');
  }
  if (plain.length > 0) {
    lines.push(bus(plain, 'musicplain', duration));
    mixInputs.push('musicplain');
  }
  if (mixInputs.length === 1) lines.push(`[${mixInputs[0]}]anull[mix]`);
  else lines.push(`${mixInputs.map((l) => `[${l}]`).join('')}amix=inputs=${mixInputs.length}:normalize=0:duration=longest[mix]`);
  return { files: inputs.map((i) => i.file), graph: lines.join(';\n') };
}

/** A silent stereo track of the project length (only when the user asks for one). */
export function silentAudioGraph(duration: number): AudioGraph {
  return { files: [], graph: `anullsrc=r=48000:cl=stereo,atrim=duration=${n(duration)}[mix]` };
}
