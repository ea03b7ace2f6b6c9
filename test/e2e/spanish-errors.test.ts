/**
 * No English left in the Spanish UI, in Chromium against `whatif web` (the real core, real ffmpeg) and
 * the loopback KIE holding another key: with the page in Spanish, real core errors provoked through the
 * page come out in Spanish, naming what the user sees: an export to a folder the app may not write, a
 * KIE call with a refused key (the scene's job, its toast and the Jobs panel; the balance in
 * Settings), and a damaged video imported into the media bin. Screenshots in
 * test/artifacts/spanish-error-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let kie: FakeKie;
const pageErrors: string[] = [];
/** Words of an English sentence, and internal ids (uuid, clip-…, scene-…), that a Spanish message must not hold. */
const ENGLISH = /\b(?:the|is|was|not|could|cannot|with|while|refused|failed|missing|outside|folder|check)\b/i;
const RAW_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-|\b(?:clip|scene|asset)-[0-9a-z]{4,}/;

/** The Spanish words of a message without what the provider itself said (quoted in parentheses). */
function ownWords(text: string): string {
  return text.replace(/\((?:[^()]*You do not have access permissions[^()]*)\)/g, '');
}

beforeAll(async () => {
  kie = await startFakeKie();
  app = await startApp({ env: { WHATIF_KIE_BASE_URL: kie.url, WHATIF_KIE_API_KEY: 'kie-another-key-9876543210' }, viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('es');
  await app.page.getByRole('navigation').getByRole('button', { name: 'Demo', exact: true }).click();
  await app.page.getByRole('button', { name: 'Abrir el proyecto de demostración' }).click();
  await app.page.getByRole('status').filter({ hasText: 'Proyecto de demostración listo.' }).waitFor({ timeout: 60_000 });
}, 240_000);

afterAll(async () => {
  await app?.close();
  await kie?.close();
});

describe('core errors in the Spanish page', () => {
  it('an export to a folder outside the ones the app may write is refused in Spanish, naming the file', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Exportar a MP4' }).click();
    const dialog = page.getByRole('dialog', { name: 'Exportar a MP4' });
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-outside-')), 'luna.mp4');
    await dialog.getByRole('textbox', { name: 'Guardar como' }).fill(outside);
    await dialog.getByRole('button', { name: 'Exportar', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent())!;
    expect(text).toBe(
      'Destino: "luna.mp4" está fuera de las carpetas que la aplicación puede usar (su carpeta de datos, tus proyectos y las carpetas que elegiste). Inicia el editor con `whatif web --allow <carpeta>` para usar otra carpeta.',
    );
    expect(ownWords(text.replace(/`[^`]*`/g, ''))).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(ARTIFACTS, 'spanish-error-export.png') });
    expect(fs.existsSync(outside)).toBe(false);
    await dialog.getByRole('button', { name: 'Cerrar' }).click();
  }, 60_000);

  it('a KIE call with a refused key fails the scene-image job in Spanish: on the card, in a toast and in the Jobs panel', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Guion gráfico', exact: true }).click();
    // The demo draws its pictures here ("procedural"); scene 2 is asked of KIE instead.
    const card = page.getByRole('listitem', { name: 'Escena 2' });
    await card.getByRole('combobox', { name: 'Modelo de la escena 2' }).selectOption('flux-kontext-pro');
    await page.getByRole('button', { name: 'Generar la imagen de la escena 2' }).click();
    const refused = /^KIE rechazó la clave de la API al (?:iniciar una imagen con [\w .-]+|leer tus créditos) \(You do not have access permissions\)\. Revisa la clave en Ajustes\.$/;
    // The scene's card says it, in Spanish.
    const status = card.getByRole('status');
    await expect.poll(async () => (await status.textContent())?.trim(), { timeout: 60_000 }).toMatch(refused);
    // So does the toast, titled by the scene's number, never its id.
    const toast = page.getByText(/^Falló: Imagen de la escena 2\. KIE rechazó la clave/);
    await toast.first().waitFor({ timeout: 15_000 });
    const toastText = (await toast.first().textContent())!;
    expect(toastText).not.toMatch(RAW_ID);
    expect(ownWords(toastText)).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(ARTIFACTS, 'spanish-error-kie-storyboard.png') });
    // The Jobs panel: the job's title and its error.
    await page.getByRole('navigation').getByRole('button', { name: 'Tareas', exact: true }).click();
    const row = page.getByRole('listitem').filter({ hasText: 'Imagen de la escena 2' }).first();
    await row.waitFor({ timeout: 15_000 });
    const rowText = (await row.textContent())!;
    expect(rowText).toMatch(/KIE rechazó la clave de la API al (?:iniciar una imagen con|leer tus créditos)/);
    expect(rowText).not.toMatch(RAW_ID);
    expect(ownWords(rowText)).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(ARTIFACTS, 'spanish-error-kie-jobs.png') });
  }, 120_000);

  it('Settings shows why the KIE balance cannot be read, in Spanish', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Ajustes', exact: true }).click();
    const balance = page.getByRole('status', { name: 'Saldo de KIE' });
    await expect.poll(async () => (await balance.textContent()) ?? '', { timeout: 30_000 }).toMatch(/KIE rechazó la clave de la API al leer tus créditos \(You do not have access permissions\)\. Revisa la clave en Ajustes\./);
    expect(ownWords((await balance.textContent())!.replace('Saldo de KIE:', ''))).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(ARTIFACTS, 'spanish-error-kie-settings.png') });
  }, 60_000);

  it('a damaged video imported into the media bin is refused in Spanish, naming the file', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Línea de tiempo', exact: true }).click();
    const bin = page.getByRole('region', { name: 'Medios' });
    const chooser = page.waitForEvent('filechooser');
    await bin.getByRole('button', { name: 'Importar archivos…' }).click();
    // An MP4 by its name whose bytes are no video at all (a download that went wrong).
    await (await chooser).setFiles({ name: 'playa-rota.mp4', mimeType: 'video/mp4', buffer: Buffer.from('<html><body>502 Bad Gateway</body></html>\n'.repeat(40)) });
    const note = bin.getByText(/^No se importó nada\. /);
    await note.first().waitFor({ timeout: 60_000 });
    const text = (await note.first().textContent())!;
    expect(text).toBe('No se importó nada. playa-rota.mp4 no es un vídeo que ffmpeg pueda leer (dañado, cortado o de otro formato).');
    expect(text).not.toMatch(ENGLISH);
    await page.screenshot({ path: path.join(ARTIFACTS, 'spanish-error-import.png') });
  }, 90_000);

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
