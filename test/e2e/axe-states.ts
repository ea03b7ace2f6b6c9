/**
 * The states the axe suite (axe.test.ts) visits: how a user reaches each from anywhere, what shows it is
 * ready, and how it is left, in English and Spanish.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SIDEBAR } from './bridge-harness.js';

export type Language = 'en' | 'es';
/** A user-visible name in both languages. */
type Words = [en: string, es: string];
const say = (words: Words, language: Language) => words[language === 'en' ? 0 : 1];
export const either = (words: Words) => new RegExp(`^(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`);

const NAV = SIDEBAR;

export async function go(page: Page, panel: keyof typeof NAV, language: Language) {
  const button = page.getByRole('navigation', { name: /^(Main|Principal|Navegación)/ }).getByRole('button', { name: say(NAV[panel], language), exact: true });
  await button.click();
  await button.and(page.locator('[aria-current="page"]')).waitFor();
}

/** A clip selected from the keyboard (the clip list), its inspector shown. */
export async function selectClip(page: Page, name: RegExp) {
  await go(page, 'timeline', (await page.evaluate(() => document.documentElement.lang)) as Language);
  const clip = page.getByRole('navigation', { name: 'Clips' }).getByRole('button', { name });
  await clip.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => clip.getAttribute('aria-pressed')).toBe('true');
  await page.getByRole('complementary').getByRole('spinbutton').first().waitFor();
}

/** Each state: how a user gets there from anywhere, what shows it is ready, and how it is left. */
export const STATES: { name: string; reach(page: Page, language: Language): Promise<void>; leave?(page: Page, language: Language): Promise<void> }[] = [
  {
    name: 'projects',
    async reach(page, l) {
      await go(page, 'projects', l);
      await page.getByRole('list', { name: either(['Projects', 'Proyectos']) }).waitFor();
    },
  },
  {
    name: 'projects-new-from-idea',
    async reach(page, l) {
      await go(page, 'projects', l);
      await page.getByRole('button', { name: either(['New from an idea', 'Nuevo desde una idea']) }).click();
      await page.getByRole('textbox', { name: either(['Idea (one per line for a batch)', 'Idea (una por línea para un lote)']) }).fill('What if the Moon had rings?');
      await page.locator('.new-from-idea [role="status"]').waitFor();
    },
  },
  {
    name: 'projects-rename',
    async reach(page, l) {
      await go(page, 'projects', l);
      await page.getByRole('button', { name: either(['Rename', 'Renombrar']) }).first().click();
      await page.getByRole('textbox', { name: either(['Project name', 'Nombre del proyecto']) }).waitFor();
    },
    async leave(page) {
      await page.keyboard.press('Escape');
      await page.getByRole('textbox', { name: either(['Project name', 'Nombre del proyecto']) }).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'projects-delete-confirm',
    async reach(page, l) {
      await go(page, 'projects', l);
      await page.getByRole('button', { name: either(['Delete', 'Eliminar']) }).first().click();
      await page.getByRole('alertdialog').waitFor();
    },
    async leave(page) {
      await page.getByRole('alertdialog').getByRole('button', { name: either(['Cancel', 'Cancelar']) }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'voice',
    async reach(page, l) {
      await go(page, 'voice', l);
      await page.locator('.voice-install-card summary').click();
      await page.getByRole('button', { name: either(['Browse the Piper voice catalogue', 'Ver el catálogo de voces Piper']) }).click();
      await page.getByRole('combobox', { name: either(['Voice to install', 'Voz que instalar']) }).waitFor();
      await page.getByRole('combobox', { name: either(['Voice', 'Voz']) }).waitFor();
    },
  },
  {
    name: 'storyboard',
    async reach(page, l) {
      await go(page, 'storyboard', l);
      await page.getByRole('list', { name: either(['Scenes', 'Escenas']) }).waitFor();
      const templates = page.locator('details.template-picker');
      if (!(await templates.evaluate((d) => (d as HTMLDetailsElement).open))) await templates.locator('summary').click();
    },
  },
  {
    name: 'storyboard-warnings',
    // Scene 1 on a model that takes no negative prompt, with one: the note and the warning list.
    async reach(page, l) {
      await go(page, 'storyboard', l);
      await page.getByRole('combobox', { name: either(['Model of scene 1', 'Modelo de la escena 1']) }).selectOption('flux-kontext-pro');
      await page.getByRole('textbox', { name: either(['Negative prompt of scene 1', 'Prompt negativo de la escena 1']) }).fill('blurry');
      await page.locator('ul.warnings').waitFor();
    },
    async leave(page) {
      // Both edits undone (outside a text field Ctrl+Z is the document's undo).
      await page.getByRole('heading', { level: 1 }).click();
      const model = page.getByRole('combobox', { name: either(['Model of scene 1', 'Modelo de la escena 1']) });
      for (let i = 0; i < 4 && (await model.inputValue()) !== 'procedural'; i++) await page.keyboard.press('Control+z');
      expect(await model.inputValue()).toBe('procedural');
      await page.locator('ul.warnings').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'storyboard-animate',
    async reach(page, l) {
      await go(page, 'storyboard', l);
      await page.getByRole('button', { name: either(['Animate scene 1', 'Animar la escena 1']) }).click();
      await page.getByRole('dialog').waitFor();
      await page.getByRole('dialog').getByText(either(['Reading prices…', 'Leyendo precios…'])).waitFor({ state: 'detached' });
    },
  },
  {
    name: 'timeline',
    async reach(page, l) {
      await go(page, 'timeline', l);
      await page.getByRole('application').waitFor();
    },
  },
  {
    name: 'timeline-clip-selected',
    async reach(page) {
      await selectClip(page, /^(Main clip|Clip de Principal) 1,/);
    },
  },
  {
    name: 'timeline-ken-burns',
    async reach(page) {
      await selectClip(page, /^(Main clip|Clip de Principal) 1,/);
      await page.getByRole('button', { name: either(['Edit Ken Burns frames on the preview', 'Editar encuadres Ken Burns en la vista previa']) }).click();
      await page.getByRole('group', { name: either(['Ken Burns frames on the source image', 'Encuadres Ken Burns sobre la imagen original']) }).waitFor();
    },
    async leave(page) {
      await page.getByRole('button', { name: either(['Done editing frames', 'Terminar encuadres']) }).click();
    },
  },
  {
    name: 'timeline-text-safe-zone',
    async reach(page) {
      await selectClip(page, /^(Text clip|Clip de Texto) 1,/);
      await page.getByRole('combobox', { name: either(['Safe zone', 'Zona segura']) }).selectOption('tiktok');
      await page.getByRole('img', { name: /TikTok/ }).waitFor();
    },
    async leave(page) {
      await page.getByRole('combobox', { name: either(['Safe zone', 'Zona segura']) }).selectOption('none');
    },
  },
  {
    name: 'timeline-caption-selected',
    async reach(page) {
      await selectClip(page, /^(Captions clip|Clip de Subtítulos) 1,/);
    },
  },
  {
    name: 'timeline-caption-style',
    async reach(page, l) {
      await go(page, 'timeline', l);
      const button = page.getByRole('toolbar').getByRole('button', { name: either(['Caption style', 'Estilo de subtítulos']) });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    },
    async leave(page) {
      await page.getByRole('toolbar').getByRole('button', { name: either(['Caption style', 'Estilo de subtítulos']) }).click();
    },
  },
  {
    name: 'timeline-export-dialog',
    async reach(page, l) {
      await go(page, 'timeline', l);
      await page.getByRole('button', { name: either(['Export to MP4', 'Exportar a MP4']) }).click();
      await page.getByRole('dialog', { name: either(['Export to MP4', 'Exportar a MP4']) }).waitFor();
    },
  },
  {
    name: 'jobs',
    async reach(page, l) {
      await go(page, 'jobs', l);
      await page.getByRole('list', { name: either(['Jobs', 'Tareas']) }).getByRole('listitem').first().waitFor();
    },
  },
  {
    name: 'monitor',
    async reach(page, l) {
      await go(page, 'monitor', l);
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  {
    name: 'settings',
    async reach(page, l) {
      await go(page, 'settings', l);
      await page.getByRole('list', { name: either(['Voices', 'Voces']) }).waitFor();
      await page.getByRole('button', { name: either(['Browse the Piper voice catalogue', 'Ver el catálogo de voces Piper']) }).click();
      await page.getByRole('combobox', { name: either(['Voice to install', 'Voz que instalar']) }).waitFor();
      await page.locator('.encoder-list').waitFor();
      // The KIE key (set from the environment) tested: its result line.
      await page.getByRole('button', { name: either(['Test connection to KIE', 'Probar conexión con KIE']) }).click();
      await page.locator('.key-result.ok').first().waitFor();
    },
  },
  {
    name: 'demo',
    async reach(page, l) {
      await go(page, 'demo', l);
      await page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  {
    name: 'shortcuts-sheet',
    async reach(page) {
      await page.getByRole('button', { name: either(['Shortcuts', 'Atajos']) }).click();
      await page.getByRole('dialog', { name: either(['Keyboard shortcuts', 'Atajos de teclado']) }).waitFor();
    },
  },
];

/** Closes an open dialog or sheet (Escape, as a user would). */
export async function closeDialogs(page: Page) {
  if (await page.getByRole('dialog').count()) {
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  }
}
