/**
 * "New from an idea" in Chromium against `whatif web` (the real core) with the fake LLM and the fake
 * KIE: the idea's script streams into the project, the storyboard shows KIE's pictures, and the page
 * ends with the exported MP4 (ffprobed). Screenshots go to test/artifacts/make-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { resolveBinary } from '../../src-main/platform/binaries.js';
import { probeMedia } from '../../src-main/media/ffmpeg/probe.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { scriptFor, startFakeLlm, type FakeLlm } from '../fakes/llm-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';

let app: AppSession;
let kie: FakeKie;
let llm: FakeLlm;
const pageErrors: string[] = [];

beforeAll(async () => {
  kie = await startFakeKie();
  llm = await startFakeLlm({ pieceDelayMs: 20 });
  app = await startApp({
    env: {
      WHATIF_KIE_BASE_URL: kie.url,
      WHATIF_KIE_API_KEY: kie.apiKey,
      WHATIF_LLM_PROVIDER: 'openai',
      WHATIF_LLM_BASE_URL: llm.url,
      WHATIF_LLM_MODEL: 'fake-gpt',
      WHATIF_LLM_API_KEY: llm.apiKey,
    },
    viewport: { width: 1440, height: 960 },
  });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await kie?.close();
  await llm?.close();
});

/** The project on disk whose name is `name` (the idea). */
function projectNamed(name: string): ProjectDocument {
  const root = path.join(app.home, 'projects');
  const docs = fs.readdirSync(root).map((d) => path.join(root, d, 'project.json')).filter((f) => fs.existsSync(f)).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as ProjectDocument);
  return docs.find((d) => d.name === name)!;
}

function documentOnDisk(): ProjectDocument {
  const root = path.join(app.home, 'projects');
  const dir = fs.readdirSync(root).map((d) => path.join(root, d)).find((d) => fs.existsSync(path.join(d, 'project.json')))!;
  return JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
}

describe('New from an idea', () => {
  it('an idea becomes an exported MP4, with the script in the panels and KIE pictures in the storyboard', async () => {
    const { page } = app;
    const idea = 'What if the sea were made of jelly?';
    await page.getByRole('button', { name: 'New from an idea' }).click();
    await page.getByRole('textbox', { name: 'Idea (one per line for a batch)' }).fill(idea);
    await page.getByRole('spinbutton', { name: 'Length (seconds)' }).fill('10');
    // The estimate before paying names the writer and the cap.
    await page.getByRole('status').filter({ hasText: /^Written by OpenAI-compatible \(127\.0\.0\.1:\d+, fake-gpt\): about \d+ tokens, \$0\.\d+ \(cap \$0\.500\)\.$/ }).waitFor({ timeout: 15_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-form-en.png') });
    await page.getByRole('button', { name: 'Make the short' }).click();

    // The storyboard opens on the new project and fills with one card per beat, then KIE's pictures.
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).waitFor();
    const expected = scriptFor(idea, 'en', 3);
    await expect.poll(() => page.getByRole('list', { name: 'Scenes' }).getByRole('listitem').count(), { timeout: 60_000 }).toBe(3);
    await expect.poll(() => page.getByRole('textbox', { name: 'Prompt of scene 2', exact: true }).inputValue(), { timeout: 30_000 }).toBe(expected.scenes[1]!.prompt);
    for (const n of [1, 2, 3]) await page.getByRole('img', { name: `Image of scene ${n}` }).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-storyboard-en.png') });
    // Nothing is left to generate: the "Generate all" line says so (it used to wait for "(cap …)" forever).
    await page.getByText('Generate all: nothing to generate, 3 kept (they already have a picture).', { exact: true }).waitFor({ timeout: 30_000 });

    const status = page.getByRole('status', { name: 'New from an idea' });
    await status.getByText(/^Finished: .*\.mp4 \(\d+\.\d s\)\./).waitFor({ timeout: 180_000 });
    await page.getByRole('navigation').getByRole('button', { name: 'Voice', exact: true }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Script', exact: true }).inputValue()).toContain(expected.scenes[2]!.narration);
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-done-en.png') });

    const file = /Finished: (.*\.mp4) \(/.exec((await status.textContent()) ?? '')![1]!;
    const probe = await probeMedia(file);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 });
    expect(probe.audio?.codec).toBe('aac');
    const doc = documentOnDisk();
    expect(Math.abs(probe.durationSeconds - doc.scenes.reduce((t, s) => t + s.duration, 0))).toBeLessThan(0.1);
    expect(kie.stats.creates).toBe(3);
    expect(llm.callsFor(idea)).toBe(1);
    expect(pageErrors).toEqual([]);
  }, 420_000);

  it('rewrites the prompt of scene 2 with the fake LLM; the new text is saved, and one undo brings the old one back', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Storyboard', exact: true }).click();
    const prompt = page.getByRole('textbox', { name: 'Prompt of scene 2', exact: true });
    const old = await prompt.inputValue();
    expect(old).toBe(documentOnDisk().scenes[1]!.prompt);
    const rewrites = () => llm.calls.filter((c) => c.body.messages?.[0]?.content.startsWith('You edit scripts')).length;
    await page.getByRole('button', { name: 'Rewrite the prompt of scene 2 with the script writer' }).click();
    await expect.poll(() => prompt.inputValue(), { timeout: 30_000 }).toBe(`Even stranger: ${old}`);
    expect(documentOnDisk().scenes[1]!.prompt).toBe(`Even stranger: ${old}`);
    expect(rewrites()).toBe(1);
    // Ctrl+Z outside a text field (the focus is on the Rewrite button, or on nothing): the editor's undo.
    expect(await page.evaluate(() => document.activeElement?.tagName ?? '')).not.toMatch(/^(INPUT|TEXTAREA)$/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => prompt.inputValue()).toBe(old);
    await expect.poll(() => documentOnDisk().scenes[1]!.prompt, { timeout: 15_000 }).toBe(old);
    expect(documentOnDisk().scenes[2]!.prompt).toBe(scriptFor('What if the sea were made of jelly?', 'en', 3).scenes[2]!.prompt);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('a batch of two ideas from the page, with the more options: one MP4 from my own pictures, one clear error; the table shows both', async () => {
    const { page } = app;
    const pictures = path.join(app.home, 'my-pictures');
    fs.mkdirSync(pictures);
    for (const [name, color] of [['a-red.jpg', 'red'], ['b-blue.jpg', 'blue']] as const) {
      await execa(resolveBinary('ffmpeg'), ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${color}:s=180x320`, '-frames:v', '1', path.join(pictures, name)]);
    }
    // A file that only looks like a picture: its scene gets placeholder art, and the page says why.
    fs.writeFileSync(path.join(pictures, '0-broken.jpg'), 'not a picture');
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('button', { name: 'New from an idea' }).click();
    await page.getByRole('textbox', { name: 'Idea (one per line for a batch)' }).fill('What if bees were huge?\nWhat if ice burned? [fault:schema-always]');
    await page.getByRole('spinbutton', { name: 'Length (seconds)' }).fill('10');
    await page.getByRole('combobox', { name: 'Images' }).selectOption('own');
    const start = page.getByRole('button', { name: 'Make 2 shorts' });
    expect(await start.isDisabled()).toBe(true); // no folder yet
    await page.getByRole('textbox', { name: 'Folder of your pictures' }).fill(pictures);
    await page.getByText('More options', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Tone' }).fill('playful');
    await page.getByRole('combobox', { name: 'Number of scenes' }).selectOption('2');
    const voice = page.getByRole('combobox', { name: 'Voice', exact: true });
    expect(await voice.locator('option').first().textContent()).toBe('Automatic: the system voice of the language');
    await voice.selectOption('system:es');
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-form-more-en.png') });
    await start.click();

    const table = page.getByRole('table', { name: 'Shorts made from ideas' });
    const bees = table.getByRole('row').filter({ hasText: 'What if bees were huge?' });
    const ice = table.getByRole('row').filter({ hasText: 'What if ice burned?' });
    await ice.getByRole('cell', { name: 'Failed', exact: true }).waitFor({ timeout: 60_000 });
    expect(await ice.getByRole('cell').nth(2).textContent()).toMatch(/^The script step failed: .*answered twice/);
    await bees.getByRole('cell', { name: 'Done', exact: true }).waitFor({ timeout: 240_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-batch-en.png') });
    const file = (await bees.getByRole('cell').nth(2).textContent()) ?? '';
    expect(file).toMatch(/\.mp4$/);
    const probe = await probeMedia(file);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 1080, height: 1920 });
    expect(probe.durationSeconds).toBeGreaterThan(8);

    // What the page asked reached the job: two scenes, the tone, the voice, my pictures.
    const doc = projectNamed('What if bees were huge?');
    expect(doc.scenes).toHaveLength(2);
    expect(doc.narration.voiceId).toBe('system:es');
    expect(doc.scenes.map((s) => doc.assets[s.imageAssetId!]?.originalName)).toEqual([undefined, 'a-red.jpg']);
    expect(doc.assets[doc.scenes[0]!.imageAssetId!]?.source).toBe('generated');
    const asked = llm.calls.find((c) => c.idea.includes('bees'))!.body.messages!.find((m) => m.role === 'user')!.content;
    expect(asked).toMatch(/Scenes: 2\..*Tone: playful\./);
    expect(llm.callsFor('What if ice burned?')).toBe(2);
    expect(pageErrors).toEqual([]);
  }, 420_000);

  it('in Spanish: the form and the table of shorts made from ideas', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('button', { name: 'Projects', exact: true }).click();
    await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('es');
    const table = page.getByRole('table', { name: 'Vídeos hechos desde ideas' });
    await table.getByRole('cell', { name: 'Hecha' }).first().waitFor();
    expect(await table.getByRole('row').filter({ hasText: 'What if ice burned?' }).getByRole('cell').nth(2).textContent()).toMatch(/^Falló el paso del guion: /);
    // The short made from my pictures says, in Spanish, which file was refused and what its scene got.
    await page.getByRole('listitem').filter({ hasText: 'What if bees were huge?' }).getByRole('button', { name: 'Abrir', exact: true }).click();
    const warnings = page.getByRole('list', { name: 'Qué pasó con las imágenes' });
    await warnings.waitFor();
    expect(await warnings.getByRole('listitem').allTextContents()).toEqual(['La escena 1 lleva una imagen provisional: 0-broken.jpg no es una imagen legible.']);
    expect(await page.getByRole('status', { name: /./ }).filter({ has: warnings }).textContent()).toMatch(/Hecho sin conexión: .*imágenes \(1 provisional hecha aquí\)/);
    await page.getByRole('status', { name: /./ }).filter({ has: warnings }).screenshot({ path: path.join(ARTIFACTS, 'make-status-warnings-es.png') });
    await page.getByRole('navigation').getByRole('button', { name: 'Proyectos', exact: true }).click();
    await page.getByRole('button', { name: 'Nuevo desde una idea' }).click();
    await page.getByRole('textbox', { name: 'Idea (una por línea para un lote)' }).fill('¿Y si los gatos hablaran?\n¿Y si no existiera la noche?');
    await page.getByRole('button', { name: 'Hacer 2 vídeos' }).waitFor();
    await page.getByRole('combobox', { name: 'Imágenes' }).selectOption('own');
    await page.getByRole('textbox', { name: 'Carpeta de tus imágenes' }).waitFor();
    await page.getByText('Más opciones', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Número de escenas' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Voz', exact: true }).locator('option').first().textContent()).toBe('Automática: la voz del sistema del idioma');
    await page.screenshot({ path: path.join(ARTIFACTS, 'make-form-es.png') });
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
