/** Words for screen readers: the timeline canvas's text alternative, names of icon-only buttons. */
export const a11yEn = {
  'tl.summary': 'Timeline, {length} long. {tracks}.',
  'tl.summaryEmpty': '{track}: empty',
  'tl.summaryOne': '{track}: 1 clip, {from} to {to}',
  'tl.summaryMany': '{track}: {count} clips, {from} to {to}',
  'toast.dismiss': 'Dismiss this notice',
  'pv.kbValue': 'focus left–right {x}%, up–down {y}%, zoom {zoom}',
} as const;

export const a11yEs: Record<keyof typeof a11yEn, string> = {
  'tl.summary': 'Línea de tiempo de {length}. {tracks}.',
  'tl.summaryEmpty': '{track}: vacía',
  'tl.summaryOne': '{track}: 1 clip, de {from} a {to}',
  'tl.summaryMany': '{track}: {count} clips, de {from} a {to}',
  'toast.dismiss': 'Descartar este aviso',
  'pv.kbValue': 'foco izquierda–derecha {x} %, arriba–abajo {y} %, zoom {zoom}',
};
