/**
 * Narrating again without losing the user's caption edits, pure: the fresh cues replace the old
 * generated ones, but every cue the user edited (`edited: true`, set by the editor) is kept where it
 * is, and the fresh cues it overlaps in time are left out. Ids stay unique.
 */
import type { CaptionCue } from '../../project/document.js';

const overlaps = (a: Pick<CaptionCue, 'start' | 'end'>, b: Pick<CaptionCue, 'start' | 'end'>) => a.start < b.end && b.start < a.end;

export function mergeNarratedCues(previous: readonly CaptionCue[], fresh: readonly CaptionCue[]): { cues: CaptionCue[]; kept: number } {
  const edited = previous.filter((c) => c.edited);
  if (edited.length === 0) return { cues: [...fresh], kept: 0 };
  const taken = new Set(edited.map((c) => c.id));
  let n = 0;
  const freshKept = fresh
    .filter((cue) => !edited.some((e) => overlaps(e, cue)))
    .map((cue) => {
      if (!taken.has(cue.id)) return (taken.add(cue.id), cue);
      let id = `${cue.id}-n`;
      while (taken.has(id)) id = `${cue.id}-n${++n}`;
      taken.add(id);
      return { ...cue, id };
    });
  return { cues: [...edited, ...freshKept].sort((a, b) => a.start - b.start), kept: edited.length };
}
