/**
 * The core's import messages in the UI language (the core speaks English, shared with the CLI).
 * Pure; a message it does not know is shown as it came.
 */
const ES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(.+) was not found \(moved or deleted\?\)\.$/s, (m) => `No se encontró ${m[1]} (¿se movió o se borró?).`],
  [/^(.+) is not a file WhatIf Studio imports: .*$/s, (m) => `${m[1]} no es un archivo que WhatIf Studio importe: usa una imagen (JPEG, PNG, WebP), un vídeo (MP4, MOV, WebM, MKV), un sonido (WAV, MP3, M4A, AAC, OGG, Opus, FLAC) o subtítulos (SRT).`],
  [/^(.+) is not a (video|sound file) ffmpeg can read \(damaged, truncated or another format\)\.$/s, (m) => `${m[1]} no es ${m[2] === 'video' ? 'un vídeo' : 'un archivo de sonido'} que ffmpeg pueda leer (dañado, cortado o de otro formato).`],
  [/^(.+) cannot be decoded: ffmpeg could not read its (pictures|sound).*$/s, (m) => `${m[1]} no se puede decodificar: ffmpeg no pudo leer ${m[2] === 'pictures' ? 'sus imágenes' : 'su sonido'} (archivo dañado o cortado, o un códec que falta).`],
  [/^(.+) is truncated or damaged: .*$/s, (m) => `${m[1]} está cortado o dañado: sus imágenes terminan antes de la duración que anuncia.`],
  [/^(.+) has no length: .*$/s, (m) => `${m[1]} no tiene duración: puede estar cortado o no ser lo que su nombre dice.`],
  [/^(.+) has no (sound|picture) that ffmpeg can read\.$/s, (m) => `${m[1]} no tiene ${m[2] === 'sound' ? 'sonido' : 'imagen'} que ffmpeg pueda leer.`],
  [/^(.+) is empty\.$/s, (m) => `${m[1]} está vacío.`],
  [/^(.+) is larger than (\d+) (MB|GB)\.?.*$/s, (m) => `${m[1]} pesa más de ${m[2]} ${m[3]}.`],
  [/^(.+) is not a readable image.*$/s, (m) => `${m[1]} no es una imagen legible.`],
  [/^(.+) has no captions in it\.$/s, (m) => `${m[1]} no contiene subtítulos.`],
  [/^(.+) line (\d+): the caption starts at ([\d:.]+), after the project ends \(([\d:.]+)\)\..*$/s, (m) => `${m[1]} línea ${m[2]}: el subtítulo empieza en ${m[3]}, después del final del proyecto (${m[4]}). Añade imágenes primero o corrige el tiempo.`],
  [/^(.+) line (\d+): expected a time line.*$/s, (m) => `${m[1]} línea ${m[2]}: se esperaba una línea de tiempo como "00:00:01,000 --> 00:00:02,500".`],
  [/^(.+) line (\d+): a time is not in the form.*$/s, (m) => `${m[1]} línea ${m[2]}: un tiempo no tiene la forma HH:MM:SS,mmm.`],
  [/^(.+) line (\d+): the cue ends .*$/s, (m) => `${m[1]} línea ${m[2]}: el subtítulo termina antes de empezar o al mismo tiempo.`],
  [/^(.+) line (\d+): the cue has no text$/s, (m) => `${m[1]} línea ${m[2]}: el subtítulo no tiene texto.`],
  [/^(.+) is used (once|\d+ times) in the project; remove its clips first\.$/s, (m) => `${m[1]} se usa ${m[2] === 'once' ? 'una vez' : m[2]!.replace('times', 'veces')} en el proyecto; quita antes sus clips.`],
  [/^"(.+)" has no captions to export yet\.$/s, (m) => `"${m[1]}" aún no tiene subtítulos que exportar.`],
];

export function localizeImportMessage(message: string, language: 'es' | 'en'): string {
  if (language === 'en') return message;
  for (const [pattern, render] of ES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}
