/**
 * The timeline canvas in words (src-renderer/src/panels/timeline/describe.ts): the text alternative
 * screen readers get for the drawn tracks, and the clip list's names, on the bundled demo project.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDuration } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { translate } from '../../src-renderer/src/i18n/use-t.js';
import { clipName, laneClips, timelineSummary } from '../../src-renderer/src/panels/timeline/describe.js';

const doc = readProjectFile(path.resolve(import.meta.dirname, '../../resources/sample'));
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);
const es = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('es', key, values);
const mainId = doc.tracks.media.find((m) => m.role === 'main')!.id;

describe('the timeline in words', () => {
  it('lists a lane\'s clips in time order with what the canvas shows on them', () => {
    const main = laneClips(doc, mainId);
    expect(main.map((c) => c.label).slice(0, 3)).toEqual(['scene-1.jpg', 'scene-2.jpg', 'scene-3.jpg']);
    expect(main.every((c, i) => i === 0 || c.start >= main[i - 1]!.start)).toBe(true);
    const cues = laneClips(doc, 'captions');
    expect(cues[0]!.label).toBe(doc.tracks.captions.cues[0]!.text.replace(/\s+/g, ' ').trim());
  });

  it('names a clip by its lane, number, span and label, in both languages', () => {
    const first = laneClips(doc, mainId)[0]!;
    expect(clipName(en, 'Main', 1, first)).toBe('Main clip 1, 0:00.0 to 0:06.0: scene-1.jpg');
    expect(clipName(es, 'Principal', 1, first)).toBe('Clip de Principal 1, de 0:00.0 a 0:06.0: scene-1.jpg');
    expect(clipName(en, 'Effects', 1, { start: 0, end: 1, label: '' })).toBe('Effects clip 1, 0:00.0 to 0:01.0');
  });

  it('sums up every track top to bottom, empty ones too', () => {
    const summary = timelineSummary(doc, projectDuration(doc), en);
    expect(summary).toMatch(/^Timeline, 1:00\.0 long\. Text: 2 clips, 0:00\.2 to 1:00\.0; Captions: 10 clips, 0:00\.6 to 0:57\.9; Overlay 2: empty; Overlay 1: empty; Main: 10 clips, 0:00\.0 to 1:00\.0; Narration: 1 clip, 0:00\.0 to 1:00\.0; Music: 1 clip, 0:00\.0 to 1:00\.0; Effects: empty\.$/);
    expect(timelineSummary(doc, projectDuration(doc), es)).toMatch(/^Línea de tiempo de 1:00\.0\. Texto: 2 clips, de 0:00\.2 a 1:00\.0; Subtítulos: 10 clips.*Efectos: vacía\.$/);
  });
});
