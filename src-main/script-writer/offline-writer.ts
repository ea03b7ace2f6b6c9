/**
 * The script writer with no model at all (offline first): the bundled "What if...?" template closest
 * to the idea (by shared words), or a generic frame around the idea, cut into beats until the script
 * is long enough for the asked length. Same `Script` shape as a model's, so the rest of the pipeline
 * does not know the difference; the result says it came from a template. Pure.
 */
import type { Language } from '../project/document.js';
import type { Template } from '../templates/template-schema.js';
import { targetWords } from './prompt.js';
import type { Script, ScriptRequest } from './script-schema.js';

const STOP = new Set('what if the a an of and to in on would could were was is be humans people y si el la los las de del que en un una se fuera fueran pudieran pudiera sería desapareciera'.split(' '));

const LEADS: Record<Language, string[]> = {
  en: ['Picture this:', 'Now imagine', 'Look closer:', 'Then,', 'Meanwhile,', 'And finally,'],
  es: ['Imagina esto:', 'Ahora imagina', 'Mira de cerca:', 'Después,', 'Mientras tanto,', 'Y al final,'],
};

const GENERIC: Record<Language, { narration: string; prompt: string }[]> = {
  en: [
    { narration: 'At first, almost nobody would notice.', prompt: 'an ordinary city street at dawn, moments before anyone notices that {premise}' },
    { narration: 'Then the first strange changes would appear, one city at a time.', prompt: 'crowds stopping in a busy square, staring at the first sign that {premise}' },
    { narration: 'Within weeks, daily life would look completely different.', prompt: 'a family at breakfast in a world where {premise}, everyday life transformed' },
    { narration: 'Scientists would race to understand what was happening and why.', prompt: 'scientists in a lab covered in screens and charts, studying how {premise}' },
    { narration: 'Some people would adapt quickly, and others would resist with everything they had.', prompt: 'two groups of people facing each other in the street, divided over the fact that {premise}' },
    { narration: 'Years later, the world would be almost unrecognisable.', prompt: 'a wide view of a future skyline, years after {premise}' },
    { narration: 'Cities would be rebuilt around the new rules, street by street.', prompt: 'builders reshaping a city block in a world where {premise}' },
    { narration: 'Schools would teach children a completely different history.', prompt: 'a classroom of children looking at a blackboard that explains how {premise}' },
    { narration: 'And the people who remembered the old world would tell stories about it at night.', prompt: 'an old woman telling stories to children by a fire, remembering the time before {premise}' },
    { narration: 'Would you want to live in that world? Tell me in the comments.', prompt: 'a lone person on a hill at sunset looking at a world where {premise}' },
  ],
  es: [
    { narration: 'Al principio, casi nadie lo notaría.', prompt: 'an ordinary city street at dawn, moments before anyone notices that {premise}' },
    { narration: 'Después aparecerían los primeros cambios extraños, ciudad por ciudad.', prompt: 'crowds stopping in a busy square, staring at the first sign that {premise}' },
    { narration: 'En pocas semanas, la vida diaria sería completamente distinta.', prompt: 'a family at breakfast in a world where {premise}, everyday life transformed' },
    { narration: 'Los científicos correrían para entender qué estaba pasando y por qué.', prompt: 'scientists in a lab covered in screens and charts, studying how {premise}' },
    { narration: 'Algunas personas se adaptarían rápido, y otras se resistirían con todas sus fuerzas.', prompt: 'two groups of people facing each other in the street, divided over the fact that {premise}' },
    { narration: 'Años después, el mundo sería casi irreconocible.', prompt: 'a wide view of a future skyline, years after {premise}' },
    { narration: 'Las ciudades se reconstruirían con las nuevas reglas, calle por calle.', prompt: 'builders reshaping a city block in a world where {premise}' },
    { narration: 'En las escuelas, los niños aprenderían una historia completamente distinta.', prompt: 'a classroom of children looking at a blackboard that explains how {premise}' },
    { narration: 'Y quienes recordaran el mundo de antes contarían historias sobre él por la noche.', prompt: 'an old woman telling stories to children by a fire, remembering the time before {premise}' },
    { narration: '¿Te gustaría vivir en ese mundo? Cuéntamelo en los comentarios.', prompt: 'a lone person on a hill at sunset looking at a world where {premise}' },
  ],
};

function words(text: string): string[] {
  return (text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z]+/g) ?? []).filter((w) => w.length > 2 && !STOP.has(w));
}

/**
 * The template sharing the most words with the idea (stems of 4 letters), or null when none shares
 * one. Earlier words weigh more: the subject comes first ("the Moon" in "the Moon disappeared").
 */
export function closestTemplate(idea: string, templates: Template[]): Template | null {
  const wanted = words(idea).map((w, position) => ({ stem: w.slice(0, 4), weight: 1 + 1 / (1 + position) }));
  let best: { template: Template; score: number } | null = null;
  for (const template of templates) {
    const text = [template.text.en.title, template.text.en.premise, template.text.es.title, template.text.es.premise].join(' ');
    const have = new Set(words(text).map((w) => w.slice(0, 4)));
    const score = wanted.filter((w) => have.has(w.stem)).reduce((t, w) => t + w.weight, 0);
    if (score > 0 && (!best || score > best.score)) best = { template, score };
  }
  return best?.template ?? null;
}

/** "What if humans could fly?" → "humans could fly" (for prompts). */
export function premiseOf(idea: string): string {
  return idea.trim().replace(/^¿?\s*(what if|and if|y si|qué pasaría si|que pasaria si)\s+/i, '').replace(/[?¿!.]+$/g, '').trim() || idea.trim();
}

function asQuestion(idea: string, language: Language): string {
  const text = idea.trim().replace(/[.!]+$/, '');
  if (text.endsWith('?')) return language === 'es' && !text.startsWith('¿') ? `¿${text}` : text;
  return language === 'es' ? `¿${text}?` : `${text}?`;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}']+/gu) ?? []).length;
}

export function writeOfflineScript(request: ScriptRequest, templates: Template[]): { script: Script; template: string | null } {
  const { language } = request;
  const template = closestTemplate(request.idea, templates);
  const hook = asQuestion(request.idea, language);
  // `short`: the beat without the template's own sentence, for asks too short for the whole beats.
  const candidates: { narration: string; prompt: string; short?: string }[] = [];
  let style = 'cinematic, photorealistic, dramatic lighting, vertical composition';
  let description = '';
  if (template) {
    const text = template.text[language];
    const en = template.text.en;
    style = en.style;
    description = text.description;
    const sentences = text.script.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [text.script];
    text.scenes.forEach((scene, i) => {
      const said = scene.replaceAll('{premise}', text.premise).replace(/[.]+$/, '');
      const lead = LEADS[language][i % LEADS[language].length]!;
      const line = `${lead} ${sentenceCase(said)}.`;
      const opening = i === 0 ? hook : sentences[i];
      const prompt = (en.scenes[i] ?? scene).replaceAll('{premise}', en.premise);
      candidates.push({ narration: opening ? `${opening} ${line}` : line, prompt, ...(i > 0 ? { short: line } : {}) });
    });
  } else {
    const premise = premiseOf(request.idea);
    candidates.push({ narration: hook, prompt: `an establishing shot of a world where ${premise}` });
    for (const beat of GENERIC[language]) candidates.push({ narration: beat.narration, prompt: beat.prompt.replaceAll('{premise}', premise) });
  }
  const wantedWords = targetWords(request.seconds);
  const wantedScenes = request.scenes ?? null;
  const chosen: typeof candidates = [];
  let total = 0;
  for (const beat of candidates) {
    if (wantedScenes !== null ? chosen.length >= wantedScenes : chosen.length >= 3 && total >= wantedWords) break;
    chosen.push(beat);
    total += countWords(beat.narration);
  }
  // Too long for the ask (three whole beats are ~30 s): shorten beats from the last one back, keeping the hook.
  const scenes = chosen.map(({ narration, prompt }) => ({ narration, prompt }));
  for (let i = scenes.length - 1; i > 0 && total > wantedWords * 1.1; i--) {
    const short = chosen[i]!.short;
    if (!short) continue;
    total += countWords(short) - countWords(scenes[i]!.narration);
    scenes[i]!.narration = short;
  }
  const hashtags = language === 'es' ? ['#ysi', '#quepasariasi', '#curiosidades', '#shorts'] : ['#whatif', '#shorts', '#didyouknow', '#science'];
  return {
    template: template?.id ?? null,
    script: {
      title: hook.slice(0, 120),
      hook: hook.slice(0, 300),
      character: '',
      style,
      scenes,
      onScreenTitle: hook.slice(0, 80),
      description: `${description ? `${description} ` : ''}${hashtags.join(' ')}`.trim(),
      hashtags,
    },
  };
}
