/**
 * Every UI string in English and Spanish. `en` defines the keys; TypeScript makes `es` complete.
 * Panels add their strings here (one flat namespace per panel prefix).
 */
import { a11yEn, a11yEs } from './panels/a11y.js';
import { captionsEn, captionsEs } from './panels/captions.js';
import { animateEn, animateEs } from './panels/animate.js';
import { editorEn, editorEs } from './panels/editor.js';
import { fieldsEn, fieldsEs } from './panels/fields.js';
import { jobsMonitorEn, jobsMonitorEs } from './panels/jobs-monitor.js';
import { messagesEn, messagesEs } from './panels/messages.js';
import { coreEn, coreEs } from './core/index.js';
import { mediaEn, mediaEs } from './panels/media.js';
import { makeEn, makeEs } from './panels/make.js';
import { settingsHelpEn, settingsHelpEs } from './panels/settings-help.js';
import { storyboardEn, storyboardEs } from './panels/storyboard.js';
import { voiceEn, voiceEs } from './panels/voice.js';

export const en = {
  ...a11yEn,
  ...captionsEn,
  ...animateEn,
  ...editorEn,
  ...fieldsEn,
  ...mediaEn,
  ...jobsMonitorEn,
  ...messagesEn,
  ...coreEn,
  ...makeEn,
  ...settingsHelpEn,
  ...storyboardEn,
  ...voiceEn,
  'app.title': 'WhatIf Studio',
  'app.language': 'Language',
  'app.disconnected': 'Lost the connection to the app core. Your edits are kept; reconnecting…',
  'app.loading': 'Loading…',
  'app.noProject': 'Open or create a project first.',
  'nav.main': 'Main',
  'nav.projects': 'Projects',
  'nav.voice': 'Voice',
  'nav.storyboard': 'Storyboard',
  'nav.timeline': 'Timeline',
  'nav.jobs': 'Jobs',
  'nav.monitor': 'Monitor',
  'nav.settings': 'Settings',
  'nav.demo': 'Demo',
  'projects.heading': 'Projects',
  'projects.list': 'Projects',
  'projects.new': 'New project',
  'projects.name': 'Project name',
  'projects.namePlaceholder': 'What if cats could talk?',
  'projects.create': 'Create',
  'projects.cancel': 'Cancel',
  'projects.empty': 'No projects yet. Create one, or open the demo to see a finished short.',
  'projects.open': 'Open',
  'projects.rename': 'Rename',
  'projects.save': 'Save',
  'projects.delete': 'Delete',
  'projects.deleteConfirm': 'Delete "{name}" and all its files? This cannot be undone.',
  'projects.deleteYes': 'Delete for good',
  'projects.scenes': '{count} scenes',
  'projects.missing': 'Folder missing',
  'projects.current': 'Open now',
  'projects.created': 'Created "{name}".',
  'projects.deleted': 'Deleted "{name}".',
  'demo.heading': 'Demo project',
  'demo.body': 'Opens a copy of the bundled sample short ("What if the Moon vanished?"): scenes, narration, music, captions and text, ready to play and export. Your copy is yours to change.',
  'demo.open': 'Open the demo project',
  'demo.opened': 'Demo project ready.',
  'intro.voice': 'Write or paste the script, pick a voice (offline Piper, system voice or ElevenLabs) and a speed in words per minute, preview it and generate the narration. Its sentence and word timings fill the captions and set scene lengths.',
  'intro.storyboard': 'One card per scene: prompt, negative prompt, model and duration. Start from a "What if...?" template, generate one or all images through KIE, or drop in your own pictures.',
  'intro.timeline': 'Tracks for images (Ken Burns), text, captions, narration and music. Drag to move, trim with the handles, and watch the live preview that matches the export.',
  'intro.jobs': 'Every long task (voice, images, export) with its state, progress, errors, and cancel or retry.',
  'intro.monitor': 'Queue counts, provider rate limits, recent errors and disk use.',
  'intro.settings': 'API keys (stored in the OS keychain), voices, defaults and the interface language.',
  'intro.pending': 'This panel arrives with its feature; the project list and demo work today.',
} as const;

export type StringKey = keyof typeof en;

export const es: Record<StringKey, string> = {
  ...a11yEs,
  ...captionsEs,
  ...animateEs,
  ...editorEs,
  ...fieldsEs,
  ...mediaEs,
  ...jobsMonitorEs,
  ...messagesEs,
  ...coreEs,
  ...makeEs,
  ...settingsHelpEs,
  ...storyboardEs,
  ...voiceEs,
  'app.title': 'WhatIf Studio',
  'app.language': 'Idioma',
  'app.disconnected': 'Se perdió la conexión con el núcleo de la app. Tus cambios se conservan; reconectando…',
  'app.loading': 'Cargando…',
  'app.noProject': 'Abre o crea un proyecto primero.',
  'nav.main': 'Principal',
  'nav.projects': 'Proyectos',
  'nav.voice': 'Voz',
  'nav.storyboard': 'Guion gráfico',
  'nav.timeline': 'Línea de tiempo',
  'nav.jobs': 'Tareas',
  'nav.monitor': 'Monitor',
  'nav.settings': 'Ajustes',
  'nav.demo': 'Demo',
  'projects.heading': 'Proyectos',
  'projects.list': 'Proyectos',
  'projects.new': 'Nuevo proyecto',
  'projects.name': 'Nombre del proyecto',
  'projects.namePlaceholder': '¿Y si los gatos hablaran?',
  'projects.create': 'Crear',
  'projects.cancel': 'Cancelar',
  'projects.empty': 'Aún no hay proyectos. Crea uno o abre la demo para ver un corto terminado.',
  'projects.open': 'Abrir',
  'projects.rename': 'Renombrar',
  'projects.save': 'Guardar',
  'projects.delete': 'Eliminar',
  'projects.deleteConfirm': '¿Eliminar «{name}» y todos sus archivos? No se puede deshacer.',
  'projects.deleteYes': 'Eliminar definitivamente',
  'projects.scenes': '{count} escenas',
  'projects.missing': 'Falta la carpeta',
  'projects.current': 'Abierto',
  'projects.created': 'Creado «{name}».',
  'projects.deleted': 'Eliminado «{name}».',
  'demo.heading': 'Proyecto de demostración',
  'demo.body': 'Abre una copia del corto de ejemplo incluido («¿Y si la Luna desapareciera?»): escenas, narración, música, subtítulos y textos, listo para reproducir y exportar. La copia es tuya para cambiarla.',
  'demo.open': 'Abrir el proyecto de demostración',
  'demo.opened': 'Proyecto de demostración listo.',
  'intro.voice': 'Escribe o pega el guion, elige una voz (Piper sin conexión, voz del sistema o ElevenLabs) y una velocidad en palabras por minuto, escúchala y genera la narración. Sus tiempos de frases y palabras rellenan los subtítulos y fijan la duración de las escenas.',
  'intro.storyboard': 'Una tarjeta por escena: prompt, prompt negativo, modelo y duración. Empieza con una plantilla «¿Y si...?», genera una o todas las imágenes con KIE o añade tus propias imágenes.',
  'intro.timeline': 'Pistas de imágenes (Ken Burns), texto, subtítulos, narración y música. Arrastra para mover, recorta con los tiradores y mira la vista previa, igual que la exportación.',
  'intro.jobs': 'Cada tarea larga (voz, imágenes, exportación) con su estado, progreso, errores y la opción de cancelar o reintentar.',
  'intro.monitor': 'Tareas por estado, uso de los límites de los proveedores, errores recientes y espacio en disco.',
  'intro.settings': 'Claves de API (guardadas en el llavero del sistema), voces, valores por defecto e idioma de la interfaz.',
  'intro.pending': 'Este panel llega con su función; la lista de proyectos y la demo ya funcionan.',
};

export const STRINGS = { en, es } as const;
export type UiLanguage = keyof typeof STRINGS;
