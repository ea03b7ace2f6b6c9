import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
beforeAll(async () => {
  app = await startApp();
}, 240_000);
afterAll(async () => {
  await app?.close();
});

describe('the app in Chromium over the loopback bridge', () => {
  it('refuses the page without the token', async () => {
    const response = await app.page.goto(app.origin + '/');
    expect(response?.status()).toBe(401);
  });

  it('creates a project through the UI and finds it again after a reload', async () => {
    const { page } = app;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(app.url);
    await page.getByRole('button', { name: /^(New project|Nuevo proyecto)$/ }).click();
    await page.getByRole('textbox', { name: /^(Project name|Nombre del proyecto)$/ }).fill('¿Y si los gatos hablaran?');
    await page.getByRole('button', { name: /^(Create|Crear)$/ }).click();
    // Wait for what the user sees when it is done (the toast) before reloading: a reload
    // while the request is in flight would race the create itself.
    await expect.poll(async () => page.getByText(/^(Created|Creado) .¿Y si los gatos hablaran\?.\.?$/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // Creating opens the project, and a reload comes back to it; the sidebar leads to the list.
    // (click() waits for the sidebar to render; counting it right after the reload raced that.)
    await page.reload();
    await page.getByRole('button', { name: /^(Projects|Proyectos)$/ }).first().click();
    const list = page.getByRole('list', { name: /^(Projects|Proyectos)$/ });
    await expect.poll(async () => list.getByRole('listitem').filter({ hasText: '¿Y si los gatos hablaran?' }).count(), { timeout: 15_000 }).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'app-frame-projects.png'), fullPage: true });
    expect(fs.existsSync(path.join(ARTIFACTS, 'app-frame-projects.png'))).toBe(true);
    // The project really is in the core's store, in the temp data folder.
    const folders = fs.readdirSync(path.join(app.home, 'projects'));
    expect(folders.some((f) => fs.existsSync(path.join(app.home, 'projects', f, 'project.json')))).toBe(true);
    expect(errors).toEqual([]);
  });
});
