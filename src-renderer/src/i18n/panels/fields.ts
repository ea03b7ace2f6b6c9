/** Words of the page's form fields (app/NumberInput.tsx): why a typed number is not taken yet. */
export const fieldsEn = {
  'field.number': 'Type a number.',
  'field.numberRange': 'Type a number from {min} to {max}.',
  'field.numberMin': 'Type a number of {min} or more.',
  'field.whole': 'Type a whole number.',
  'field.wholeRange': 'Type a whole number from {min} to {max}.',
  'field.wholeMin': 'Type a whole number of {min} or more.',
  'field.restore': 'Escape or leaving the field puts back {value}.',
} as const;

export const fieldsEs: Record<keyof typeof fieldsEn, string> = {
  'field.number': 'Escribe un número.',
  'field.numberRange': 'Escribe un número entre {min} y {max}.',
  'field.numberMin': 'Escribe un número de {min} o más.',
  'field.whole': 'Escribe un número entero.',
  'field.wholeRange': 'Escribe un número entero entre {min} y {max}.',
  'field.wholeMin': 'Escribe un número entero de {min} o más.',
  'field.restore': 'Escape o salir del campo vuelve a {value}.',
};
