/**
 * The part of an ASS script that can show in a time window, pure: its header (styles, play size)
 * and the events overlapping the window, their times made relative to the window's start. Two
 * windows with equal results render the same pixels in libass, wherever they sit on the timeline
 * (a ripple edit moves captions with their clips), which is what the export's segment cache keys on.
 */

/** H:MM:SS.cc to centiseconds. */
export function parseAssTime(text: string): number {
  const m = /^(\d+):(\d{2}):(\d{2})\.(\d{2})$/.exec(text.trim());
  if (!m) return Number.NaN;
  return ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3])) * 100 + Number(m[4]);
}

/**
 * The window is frames [startFrame, endFrame) at `fps` (a frame need not start on a whole
 * centisecond). Returns the header and the overlapping events, or '' for no script.
 */
export function assWindow(ass: string | null, startFrame: number, endFrame: number, fps: number): string {
  if (!ass) return '';
  const startCs = (startFrame * 100) / fps;
  const endCs = (endFrame * 100) / fps;
  const at = ass.indexOf('\n[Events]');
  if (at < 0) return ass;
  const header = ass.slice(0, at);
  const events: string[] = [];
  // Whole centiseconds are shifted; the window's own fraction (in exact integer parts of a frame)
  // stays in the key, since libass compares frame times with event times.
  const residual = (startFrame * 100) % fps;
  const shift = (startFrame * 100 - residual) / fps;
  for (const line of ass.slice(at).split('\n')) {
    if (!line.startsWith('Dialogue:')) continue;
    const fields = line.slice('Dialogue:'.length).split(',');
    const start = parseAssTime(fields[1] ?? '');
    const end = parseAssTime(fields[2] ?? '');
    if (!(end > startCs && start < endCs)) continue;
    fields[1] = String(start - shift);
    fields[2] = String(end - shift);
    events.push(`Dialogue:${fields.join(',')}`);
  }
  return `${header}\n${residual}/${fps}\n${events.join('\n')}`;
}
