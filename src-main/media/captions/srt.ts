/**
 * SRT import and export, pure. A malformed file is refused with an error naming the line, so the user
 * can fix it; nothing is guessed.
 */
import { appError } from '../../errors.js';
import type { CoreMessageKey } from '../../messages.js';
import type { CaptionCue } from '../../project/document.js';

const TIME = /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})$/;

function parseTime(text: string): number | null {
  const m = TIME.exec(text.trim());
  if (!m) return null;
  const [, h, mi, s, ms] = m;
  if (Number(mi) > 59 || Number(s) > 59) return null;
  return Number(h) * 3600 + Number(mi) * 60 + Number(s) + Number(ms!.padEnd(3, '0')) / 1000;
}

/** Parses SRT text into cues (ids cue-1, cue-2 ...). `name` is used in errors ("captions.srt line 7: ..."). */
export function parseSrt(text: string, name = 'the SRT file'): CaptionCue[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const cues: CaptionCue[] = [];
  let i = 0;
  const fail = (lineIndex: number, problem: CoreMessageKey, values: Record<string, string> = {}): never => {
    throw appError('invalid_input', problem, { name, line: lineIndex + 1, ...values });
  };
  while (i < lines.length) {
    while (i < lines.length && !lines[i]!.trim()) i++;
    if (i >= lines.length) break;
    let line = lines[i]!.trim();
    if (/^\d+$/.test(line)) {
      i++;
      line = (lines[i] ?? '').trim();
    }
    const arrow = line.split('-->');
    if (arrow.length !== 2) fail(i, 'srt.noTimeLine', { found: line.slice(0, 60) });
    const start = parseTime(arrow[0]!);
    const end = parseTime(arrow[1]!.trim().split(/\s+/)[0] ?? '');
    if (start === null || end === null) fail(i, 'srt.badTime', { found: line.slice(0, 60) });
    if (end! <= start!) fail(i, 'srt.endsBeforeStart', { end: arrow[1]!.trim(), start: arrow[0]!.trim() });
    const timeLine = i;
    i++;
    const body: string[] = [];
    while (i < lines.length && lines[i]!.trim()) body.push(lines[i++]!.trim());
    const cueText = body.join('\n').replace(/<[^>]+>/g, '');
    if (!cueText.trim()) fail(timeLine, 'srt.noText');
    cues.push({ id: `cue-${cues.length + 1}`, start: start!, end: end!, text: cueText });
  }
  return cues;
}

function formatTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)},${pad(ms % 1000, 3)}`;
}

/** Cues to SRT text (numbered from 1, sorted by start). */
export function formatSrt(cues: readonly Pick<CaptionCue, 'start' | 'end' | 'text'>[]): string {
  return [...cues]
    .sort((a, b) => a.start - b.start)
    .map((cue, index) => `${index + 1}\n${formatTime(cue.start)} --> ${formatTime(cue.end)}\n${cue.text}\n`)
    .join('\n');
}
