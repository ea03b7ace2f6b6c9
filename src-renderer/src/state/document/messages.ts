/**
 * Refused-edit messages in the UI language. The reducer and the document rules speak English (they
 * are shared with the core and the CLI); the editor shows them through this table, pure.
 */
const ES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^That edit was not applied: (.*)\.$/s, (m) => `No se aplicó ese cambio: ${localizeEditMessage(m[1]!, 'es')}.`],
  [/^image clip (\S+) overlaps clip (\S+)$/, (m) => `el clip de imagen ${m[1]} se solapa con el clip ${m[2]}`],
  [/^text clip (\S+) ends after the project \(([\d.]+)s\)$/, (m) => `el texto ${m[1]} termina después del final del proyecto (${m[2]} s)`],
  [/^text clip (\S+) fades are longer than the clip$/, (m) => `los fundidos del texto ${m[1]} son más largos que el clip`],
  [/^caption "(.*)" starts after the project ends$/, (m) => `el subtítulo "${m[1]}" empieza después del final del proyecto`],
  [/^transition into clip (\S+) \(([\d.]+)s\) is longer than the clips it joins \(([\d.]+)s\)$/, (m) => `la transición al clip ${m[1]} (${m[2]} s) es más larga que los clips que une (${m[3]} s)`],
  [/^There is no clip (\S+) in this project/, (m) => `No hay ningún clip ${m[1]} en este proyecto (quizá se eliminó).`],
  [/^A clip cannot start before 0:00\.$/, () => 'Un clip no puede empezar antes de 0:00.'],
  [/^A clip must stay at least ([\d.]+)s long\.$/, (m) => `Un clip debe durar al menos ${m[1]} s.`],
  [/^The audio does not start earlier than this\.$/, () => 'El audio no empieza antes de este punto.'],
  [/^Put the playhead inside the clip/, () => 'Pon el cabezal dentro del clip (no en su borde) para dividirlo.'],
  [/^Put the playhead over a clip to split it\.$/, () => 'Pon el cabezal sobre un clip para dividirlo.'],
  [/^Select a clip first/, () => 'Selecciona un clip primero (haz clic; Mayús+clic añade más).'],
  [/^A text overlay needs some text/, () => 'Un texto superpuesto necesita texto (elimina el clip para quitarlo).'],
  [/^Add an image clip first/, () => 'Añade primero un clip de imagen: los textos van encima de las imágenes.'],
  [/^A project needs a name\.$/, () => 'Un proyecto necesita un nombre.'],
  [/^The new scene order must list every scene exactly once\.$/, () => 'El nuevo orden debe incluir cada escena exactamente una vez.'],
];

export function localizeEditMessage(message: string, language: 'es' | 'en'): string {
  if (language === 'en') return message;
  for (const [pattern, render] of ES) {
    const m = pattern.exec(message);
    if (m) return render(m);
  }
  return message;
}
