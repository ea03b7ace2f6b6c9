/**
 * The export's refusals of bad media in the UI language, pure. The core words them in English
 * (shared with the CLI), naming the clip as the page does ("scene 3", `clip 2 ("beach.mp4") of
 * Overlay 1`) and the file; the export dialog shows them through this table.
 */
const TRACKS_ES: Record<string, string> = { Main: 'Principal', Overlay: 'Superposición', Narration: 'Narración', Music: 'Música', Effects: 'Efectos' };

/** A clip as the core names it ("scene 3", `clip 2 ("a.mp4") of Overlay 1`), in Spanish. */
export function clipNameEs(name: string): string {
  const scene = /^scene (\d+)$/.exec(name);
  if (scene) return `la escena ${scene[1]}`;
  const clip = /^clip (\d+)( \(".*"\))? of (\w+)( \d+)?$/.exec(name);
  if (clip) return `el clip ${clip[1]}${clip[2] ?? ''} de ${TRACKS_ES[clip[3]!] ?? clip[3]}${clip[4] ?? ''}`;
  return name;
}

const CLIP = '(scene \\d+|clip \\d+(?: \\(".*"\\))? of \\w+(?: \\d+)?)';
const rule = (source: string) => new RegExp(`^${source.replace('CLIP', CLIP)}$`, 's');
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const ES: [RegExp, (m: RegExpExecArray) => string][] = [
  [rule('The video of CLIP is missing: (.*)'), (m) => `Falta el vídeo de ${clipNameEs(m[1]!)}: ${m[2]}`],
  [rule('The video of CLIP is corrupt or not a video: (.*)'), (m) => `El vídeo de ${clipNameEs(m[1]!)} está dañado o no es un vídeo: ${m[2]}`],
  [rule('The file of CLIP has no picture: (.*)'), (m) => `El archivo de ${clipNameEs(m[1]!)} no tiene imagen: ${m[2]}`],
  [rule("The video of CLIP cannot be decoded at ([\\d.]+) s \\(the clip's (start|end)\\): (.*) may be truncated or damaged\\."), (m) => `El vídeo de ${clipNameEs(m[1]!)} no se puede decodificar a los ${m[2]} s (${m[3] === 'start' ? 'el inicio' : 'el final'} del clip): puede que ${m[4]} esté cortado o dañado.`],
  [rule('(?:C|c)lip (\\d+(?: \\(".*"\\))? of \\w+(?: \\d+)?) uses ([\\d.]+)–([\\d.]+) s of (.*), which is only ([\\d.]+) s long: shorten the clip or move its start in the file\\.'), (m) => `${upper(clipNameEs(`clip ${m[1]}`))} usa ${m[2]}–${m[3]} s de ${m[4]}, que solo dura ${m[5]} s: acorta el clip o mueve su inicio en el archivo.`],
  [rule('Scene (\\d+) uses ([\\d.]+)–([\\d.]+) s of (.*), which is only ([\\d.]+) s long: shorten the clip or move its start in the file\\.'), (m) => `La escena ${m[1]} usa ${m[2]}–${m[3]} s de ${m[4]}, que solo dura ${m[5]} s: acorta el clip o mueve su inicio en el archivo.`],
  [rule('CLIP: its video gave no picture \\(the file may be truncated or damaged\\): (.*)'), (m) => `${upper(clipNameEs(m[1]!))}: su vídeo no dio ninguna imagen (puede que el archivo esté cortado o dañado): ${m[2]}`],
  [/^Decoding the video of (.*) stopped: no frame for (\d+) s\.$/s, (m) => `La decodificación del vídeo de ${clipNameEs(m[1]!)} se detuvo: ningún fotograma en ${m[2]} s.`],
  [rule('The image of the picture of CLIP is missing: (.*)'), (m) => `Falta la imagen de ${clipNameEs(m[1]!)}: ${m[2]}`],
  [rule('The image of the picture of CLIP is corrupt or not an image: (.*)'), (m) => `La imagen de ${clipNameEs(m[1]!)} está dañada o no es una imagen: ${m[2]}`],
  [rule('The audio of CLIP is missing: (.*)'), (m) => `Falta el sonido de ${clipNameEs(m[1]!)}: ${m[2]}`],
  [rule('The audio of CLIP is corrupt or not audio: (.*)'), (m) => `El sonido de ${clipNameEs(m[1]!)} está dañado o no es sonido: ${m[2]}`],
];

export function localizeExportMessage(message: string, language: 'es' | 'en'): string {
  if (language === 'en') return message;
  for (const [pattern, render] of ES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}
