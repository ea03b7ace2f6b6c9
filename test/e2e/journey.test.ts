/**
 * The editor's end-to-end journey in Chromium against `whatif web` (the real core), with the loopback
 * KIE and a generated Piper test voice: create a project from a template → narrate with the test voice →
 * generate images → … Every control is found by role and accessible name. Screenshots of the filled
 * panels in English and Spanish go to test/artifacts/journey-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestVoice } from '../../scripts/voices/make-test-voice.js';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { startFakeKie, type FakeKie } from '../fakes/kie-server.js';
import { ARTIFACTS, startApp, type AppSession } from './bridge-harness.js';
import { imagesOf, narrationOf } from '../helpers/tracks.js';

let app: AppSession;
let kie: FakeKie;
let voiceFile: string;
const pageErrors: string[] = [];
const SCRIPT =
  'What if the sea were sweet? Every wave would taste of honey. Bees would fly far from the shore to reach it.\n\nSailors would never go thirsty again. But the fish would have to learn a new way to live.';

beforeAll(async () => {
  kie = await startFakeKie();
  voiceFile = makeTestVoice(fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-voice-')));
  // The voice file is outside the data folder: the page may name it only in a folder granted at start.
  app = await startApp({ env: { WHATIF_KIE_BASE_URL: kie.url, WHATIF_KIE_API_KEY: kie.apiKey, WHATIF_ALLOWED_ROOTS: path.dirname(voiceFile) }, viewport: { width: 1440, height: 960 } });
  app.page.on('pageerror', (error) => pageErrors.push(error.message));
  await app.page.goto(app.url);
  await app.page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption('en');
}, 240_000);
afterAll(async () => {
  await app?.close();
  await kie?.close();
  if (voiceFile) fs.rmSync(path.dirname(voiceFile), { recursive: true, force: true });
});

// Timeline drawing constants (src-renderer/src/panels/timeline/layout.ts, timeline/geometry.ts DEFAULT_ZOOM).
const ZOOM = 60;
const trackCenter = (i: number) => 26 + 4 + i * 50 + 23;
/** Lane rows of a new project, top to bottom: text, captions, overlay 2, overlay 1, main, narration, music, effects. */
const LANE = { text: 0, captions: 1, main: 4 } as const;

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

async function go(page: Page, name: string) {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** The project document as the core has it on disk. */
function documentOnDisk(): ProjectDocument {
  const root = path.join(app.home, 'projects');
  const dir = fs.readdirSync(root).map((d) => path.join(root, d)).find((d) => fs.existsSync(path.join(d, 'project.json')))!;
  return JSON.parse(fs.readFileSync(path.join(dir, 'project.json'), 'utf8')) as ProjectDocument;
}

describe('the editor journey', () => {
  it('creates a project from a template', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'New project' }).click();
    await page.getByRole('textbox', { name: 'Project name' }).fill('What if the sea were sweet?');
    // The template list answers only after the count is typed (as on a busy machine): the typed
    // count must survive the template's default arriving later.
    let release = () => {};
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/call/templates.list', async (route) => {
      await typed;
      await route.continue();
    });
    // Creating a project opens it on the storyboard.
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'Storyboard', level: 1 }).waitFor();
    await page.getByRole('spinbutton', { name: 'Scenes' }).fill('3');
    release();
    // Once the list is in and React has settled (two frames), the typed count is still there.
    await expect.poll(() => page.getByRole('combobox', { name: 'Template' }).locator('option').count()).toBeGreaterThan(0);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await page.getByRole('spinbutton', { name: 'Scenes' }).inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Use template' }).click();
    await page.unroute('**/api/call/templates.list');
    await expect.poll(() => page.getByRole('list', { name: 'Scenes' }).getByRole('listitem').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => documentOnDisk().scenes.length).toBe(3);
  });

  it('generates every scene image with per-scene progress, and the timeline gets the clips', async () => {
    const { page } = app;
    await go(page, 'Storyboard');
    await page.getByText(/^Generate all: \d+ to generate, 0 kept \(they already have a picture\), about \d+ KIE credits/).waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Generate all images' }).click();
    for (const n of [1, 2, 3]) await page.getByRole('img', { name: `Image of scene ${n}` }).waitFor({ timeout: 90_000 });
    await expect.poll(() => imagesOf(documentOnDisk()).length).toBe(3);
    // Scenes 2 and 3 use scene 1 as the character reference: they waited for its image.
    expect(kie.tasks.size).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-storyboard-en.png') });
  }, 180_000);

  it('narrates with the test voice: captions and the narration track are filled', async () => {
    const { page } = app;
    await go(page, 'Voice');
    await page.getByRole('button', { name: 'Generate narration' }).waitFor();
    await page.getByText('Install a voice').click();
    await page.getByRole('textbox', { name: 'Path of a Piper .onnx voice on this computer' }).fill(voiceFile);
    await page.getByRole('button', { name: 'Add voice file' }).click();
    await page.getByRole('status').filter({ hasText: /^Installed / }).waitFor({ timeout: 60_000 });

    await page.getByRole('textbox', { name: 'Script' }).fill('');
    // An empty script: said in place, generate disabled.
    await page.getByText('Write the script first: there are no words to read yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Generate narration' }).isDisabled()).toBe(true);
    await page.getByRole('textbox', { name: 'Script' }).fill(SCRIPT);
    await page.getByRole('combobox', { name: 'Language' }).last().selectOption('en');
    await page.getByRole('combobox', { name: 'Engine' }).selectOption('piper');
    const voice = page.getByRole('combobox', { name: 'Voice', exact: true });
    await expect.poll(async () => (await voice.locator('option').allTextContents()).join('|')).toContain('test');
    await voice.selectOption({ index: 1 });
    await page.getByRole('slider', { name: /Speed/ }).fill('180');
    await expect.poll(() => page.getByText(/words in \d+ sentences/).textContent(), { timeout: 5000 }).toMatch(/^40 words in 5 sentences/);

    await page.getByRole('button', { name: 'Preview' }).click();
    const audio = page.getByLabel('Voice preview');
    await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => a.duration || 0), { timeout: 60_000 }).toBeGreaterThan(1);

    await page.getByRole('button', { name: 'Generate narration' }).click();
    await page.getByRole('link', { name: 'Download WAV' }).waitFor({ timeout: 120_000 });
    await expect.poll(() => page.getByRole('status', { name: 'Narration status' }).textContent()).toMatch(/^Done · measured \d+ words per minute/);
    const doc = documentOnDisk();
    expect(narrationOf(doc)).toHaveLength(1);
    expect(doc.tracks.captions.cues.length).toBeGreaterThanOrEqual(5);
    // The WAV the link serves is a real RIFF file.
    const href = await page.getByRole('link', { name: 'Download WAV' }).getAttribute('href');
    const wav = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 4)), href!);
    expect(String.fromCharCode(...wav)).toBe('RIFF');
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-voice-en.png') });
  }, 240_000);

  it('trims and drags a clip on the timeline (saved to disk)', async () => {
    const { page } = app;
    await go(page, 'Timeline');
    const canvas = page.getByRole('application', { name: /Timeline tracks/ });
    await canvas.waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 15_000 });
    const box = (await canvas.boundingBox())!;
    const last = () => [...imagesOf(documentOnDisk())].sort((a, b) => a.start - b.start).at(-1)!;
    const before = last();
    const end = before.start + before.duration;
    // Trim: the end handle of the last image clip, one second to the left.
    const main = trackCenter(LANE.main);
    await drag(page, { x: box.x + end * ZOOM - 3, y: box.y + main }, { x: box.x + (end - 1) * ZOOM - 3, y: box.y + main });
    await expect.poll(() => Math.abs(last().duration - (before.duration - 1)), { timeout: 10_000 }).toBeLessThan(0.1);
    // Drag: the first clip past the middle of the second: the main track is magnetic, so they swap
    // places and stay back to back.
    const clips = () => [...imagesOf(documentOnDisk())].sort((a, b) => a.start - b.start);
    const [first, second] = clips();
    await drag(page, { x: box.x + (first!.duration / 2) * ZOOM, y: box.y + main }, { x: box.x + (first!.duration + second!.duration) * ZOOM, y: box.y + main });
    await expect.poll(() => clips().map((c) => c.id).slice(0, 2), { timeout: 10_000 }).toEqual([second!.id, first!.id]);
    expect(clips()[1]!.start).toBeCloseTo(second!.duration, 3);
  });

  it('adds a text overlay, then undoes and redoes it with the keyboard', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add text' }).click();
    const text = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' });
    await text.fill('Sweet seas');
    await expect.poll(() => documentOnDisk().tracks.text.map((c) => c.text), { timeout: 10_000 }).toEqual(['Sweet seas']);
    await page.getByRole('application', { name: /Timeline tracks/ }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => documentOnDisk().tracks.text.map((c) => c.text), { timeout: 10_000 }).not.toEqual(['Sweet seas']);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => documentOnDisk().tracks.text.map((c) => c.text), { timeout: 10_000 }).toEqual(['Sweet seas']);
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-timeline-en.png') });
  });

  it('exports: the job finishes and ffprobe reads an H.264/AAC MP4 as long as the project', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export to MP4' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to MP4' });
    await dialog.getByRole('combobox', { name: 'Quality' }).selectOption('draft');
    await dialog.getByRole('combobox', { name: 'Frames per second' }).selectOption('24');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const done = dialog.getByRole('status').filter({ hasText: /^Saved / });
    await done.waitFor({ timeout: 240_000 });
    const file = (await done.textContent())!.replace(/^Saved /, '').trim();
    const { stdout } = await execa('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name,width,height', '-of', 'json', file]);
    const probe = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_type: string; codec_name: string; width?: number; height?: number }[] };
    const video = probe.streams.find((st) => st.codec_type === 'video')!;
    expect([video.codec_name, video.width, video.height]).toEqual(['h264', 1080, 1920]);
    expect(probe.streams.find((st) => st.codec_type === 'audio')?.codec_name).toBe('aac');
    const doc = documentOnDisk();
    const length = Math.max(...imagesOf(doc).map((c) => c.start + c.duration));
    expect(Math.abs(Number(probe.format.duration) - length)).toBeLessThan(0.2);
    await page.screenshot({ path: path.join(ARTIFACTS, 'journey-export-en.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The export is in the Jobs panel as done.
    await go(page, 'Jobs');
    await page.getByRole('listitem').filter({ hasText: /Export/ }).filter({ hasText: 'Done' }).first().waitFor();
  }, 300_000);

  for (const language of ['en', 'es'] as const) {
    it(`shows the filled project in every panel (${language})`, async () => {
      const { page } = app;
      await page.getByRole('combobox', { name: /^(Language|Idioma)$/ }).selectOption(language);
      const names = language === 'en' ? ['Projects', 'Voice', 'Storyboard', 'Timeline', 'Jobs', 'Monitor', 'Settings', 'Demo'] : ['Proyectos', 'Voz', 'Guion gráfico', 'Línea de tiempo', 'Tareas', 'Monitor', 'Ajustes', 'Demo'];
      const routes = ['projects', 'voice', 'storyboard', 'timeline', 'jobs', 'monitor', 'settings', 'demo'];
      for (let i = 0; i < names.length; i++) {
        await go(page, names[i]!);
        await page.getByRole('navigation').getByRole('button', { name: names[i]!, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
        await page.waitForTimeout(400);
        await page.screenshot({ path: path.join(ARTIFACTS, `journey-${routes[i]}-${language}.png`) });
      }
    }, 120_000);
  }

  it('threw no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
