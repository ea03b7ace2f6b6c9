/**
 * Scene lengths that follow the voice. With no scenes: one scene per sentence. With N scenes: the
 * sentences are shared out in order into N groups of about equal speaking time (each group at least
 * one sentence while there are sentences enough). A scene lasts from its first sentence's start to the
 * next group's start (the last one to the end of the audio), so the scenes add up to the narration. Pure.
 */
export interface SentenceTiming {
  index: number;
  text: string;
  start: number;
  end: number;
}

export interface SceneSuggestion {
  scene: number;
  sentences: number[];
  start: number;
  duration: number;
}

export function suggestSceneDurations(sentences: SentenceTiming[], totalDuration: number, sceneCount = 0): SceneSuggestion[] {
  if (sentences.length === 0) return [];
  const n = sceneCount > 0 ? Math.min(sceneCount, sentences.length) : sentences.length;
  const groups: number[][] = [];
  let cursor = 0;
  for (let g = 0; g < n; g++) {
    const remainingGroups = n - g;
    const remainingSentences = sentences.length - cursor;
    const target = (totalDuration - sentences[cursor]!.start) / remainingGroups;
    const group = [cursor++];
    while (cursor < sentences.length && sentences.length - cursor > remainingGroups - 1) {
      const next = sentences[cursor]!;
      const groupStart = sentences[group[0]!]!.start;
      if (next.end - groupStart > target && next.start - groupStart >= target / 2) break;
      if (remainingSentences - group.length <= remainingGroups - 1) break;
      group.push(cursor++);
    }
    groups.push(group);
  }
  // whatever is left joins the last group
  while (cursor < sentences.length) groups[groups.length - 1]!.push(cursor++);
  return groups.map((group, g) => {
    const start = g === 0 ? 0 : sentences[group[0]!]!.start;
    const end = g + 1 < groups.length ? sentences[groups[g + 1]![0]!]!.start : totalDuration;
    return { scene: g, sentences: group.map((i) => sentences[i]!.index), start: round(start), duration: round(Math.max(0.1, end - start)) };
  });
}

function round(t: number): number {
  return Math.round(t * 1000) / 1000;
}
