/** A small valid project for editor tests: 3 image clips, 1 text clip, 2 cues, narration and music. */
import { createEmptyDocument, DEFAULT_TEXT_STYLE, type ProjectDocument } from '../../src-main/project/document.js';
import { clip, setClips } from '../helpers/tracks.js';

export function sampleDocument(imageCount = 3): ProjectDocument {
  const doc = createEmptyDocument({ id: 'p1', name: 'Test', now: '2026-01-01T00:00:00.000Z' });
  const asset = (id: string, kind: 'image' | 'audio') => ({ id, kind, file: `assets/${id}.${kind === 'image' ? 'png' : 'wav'}`, mime: kind === 'image' ? 'image/png' : 'audio/wav', bytes: 10, source: 'import' as const });
  doc.assets = { img: asset('img', 'image'), voice: { ...asset('voice', 'audio'), duration: 12 }, song: { ...asset('song', 'audio'), duration: 60 } };
  const frame = { zoom: 1, x: 0.5, y: 0.5 };
  doc.scenes = [
    { id: 's1', prompt: 'one', negativePrompt: '', model: 'flux', imageAssetId: 'img', duration: 4 },
    { id: 's2', prompt: 'two', negativePrompt: '', model: 'flux', imageAssetId: null, duration: 4 },
  ];
  setClips(doc, 'main', Array.from({ length: imageCount }, (_, i) => clip({
    id: `i${i + 1}`,
    assetId: 'img',
    sceneId: null,
    start: i * 4,
    duration: 4,
    kenBurns: { from: frame, to: { zoom: 1.2, x: 0.5, y: 0.5 }, easing: 'easeInOut' as const },
    transitionIn: { kind: 'cut' as const, duration: 0 },
  })));
  doc.tracks.text = [
    { id: 't1', text: 'Hello', start: 1, duration: 2, style: DEFAULT_TEXT_STYLE, position: { preset: 'center', x: 0.5, y: 0.5 }, align: 'center', maxWidth: 0.8, fadeIn: 0.2, fadeOut: 0.2 },
  ];
  doc.tracks.captions.cues = [
    { id: 'c1', start: 0, end: 2, text: 'What if', words: [{ text: 'What', start: 0, end: 1 }, { text: 'if', start: 1, end: 2 }] },
    { id: 'c2', start: 2.5, end: 4, text: 'the Moon' },
  ];
  setClips(doc, 'narration', [clip({ id: 'n1', assetId: 'voice', start: 0, duration: 10 })]);
  setClips(doc, 'music', [clip({ id: 'm1', assetId: 'song', start: 0, duration: 12, gainDb: -10.46, fadeIn: 1, fadeOut: 1, duck: true })]);
  return doc;
}
