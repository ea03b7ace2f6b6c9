/** The application menu's words in the two UI languages. */
export type MenuLanguage = 'es' | 'en';

export const MENU_LABELS = {
  en: {
    file: 'File', new: 'New project', open: 'Open project…', save: 'Save', export: 'Export video…', showInFolder: 'Show in folder', quit: 'Quit',
    edit: 'Edit', undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all',
    view: 'View', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size', fullScreen: 'Full screen', reload: 'Reload',
    help: 'Help', about: 'About WhatIf Studio', showLog: 'Show log file', settings: 'Settings…',
  },
  es: {
    file: 'Archivo', new: 'Nuevo proyecto', open: 'Abrir proyecto…', save: 'Guardar', export: 'Exportar vídeo…', showInFolder: 'Mostrar en la carpeta', quit: 'Salir',
    edit: 'Edición', undo: 'Deshacer', redo: 'Rehacer', cut: 'Cortar', copy: 'Copiar', paste: 'Pegar', selectAll: 'Seleccionar todo',
    view: 'Ver', zoomIn: 'Ampliar', zoomOut: 'Reducir', resetZoom: 'Tamaño real', fullScreen: 'Pantalla completa', reload: 'Recargar',
    help: 'Ayuda', about: 'Acerca de WhatIf Studio', showLog: 'Mostrar el registro', settings: 'Ajustes…',
  },
} as const satisfies Record<MenuLanguage, Record<string, string>>;

export type MenuLabelKey = keyof (typeof MENU_LABELS)['en'];
