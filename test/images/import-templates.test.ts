import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../src-main/project/document.js';
import { readProjectFile } from '../../src-main/project/project-file.js';
import { loadTemplates } from '../../src-main/templates/templates.js';
import { call, makeTestCore, tempDir } from '../helpers/temp-core.js';
import { imagesOf } from '../helpers/tracks.js';

const cores: ReturnType<typeof makeTestCore>[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.cleanup();
});
function core() {
  const c = makeTestCore();
  cores.push(c);
  return c;
}

describe('own images', () => {
  it('imports JPEG with EXIF rotation applied, dedupes, and puts it on a scene; refuses other formats by name', async () => {
    const c = core();
    const dir = tempDir();
    const jpeg = path.join(dir, 'portrait.jpg');
    // 200x100 pixels stored, EXIF 6 = rotate 90° clockwise: shown 100 wide, 200 high.
    await sharp({ create: { width: 200, height: 100, channels: 3, background: '#3366aa' } }).jpeg().withMetadata({ orientation: 6 }).toFile(jpeg);
    const summary = await call<{ id: string }>(c, 'project.create', { name: 'Own', templateId: 'moon-vanished', language: 'en' });
    const doc0 = (await call<{ document: ProjectDocument }>(c, 'project.open', { id: summary.id })).document;
    const sceneId = doc0.scenes[0]!.id;
    const first = await call<{ asset: { id: string; width: number; height: number; file: string; source: string } }>(c, 'images.import', { projectId: summary.id, file: jpeg, sceneId });
    expect(first.asset).toMatchObject({ width: 100, height: 200, source: 'import' });
    const projectDir = c.projects.dirOf(summary.id);
    const stored = await sharp(path.join(projectDir, first.asset.file)).metadata();
    expect([stored.width, stored.height, stored.orientation ?? 1]).toEqual([100, 200, 1]);
    const copy = path.join(dir, 'copy.jpg');
    fs.copyFileSync(jpeg, copy);
    const second = await call<{ asset: { id: string } }>(c, 'images.import', { projectId: summary.id, file: copy });
    expect(second.asset.id).toBe(first.asset.id);
    expect(fs.readdirSync(path.join(projectDir, 'assets'))).toHaveLength(1);
    const doc = readProjectFile(projectDir);
    expect(doc.scenes[0]!.imageAssetId).toBe(first.asset.id);
    expect(imagesOf(doc).find((clip) => clip.sceneId === sceneId)?.assetId).toBe(first.asset.id);

    const png = path.join(dir, 'flat.png');
    await sharp({ create: { width: 20, height: 30, channels: 4, background: '#ff000080' } }).png().toFile(png);
    expect((await call<{ asset: { width: number; mime: string } }>(c, 'images.import', { projectId: summary.id, file: png })).asset).toMatchObject({ width: 20, mime: 'image/png' });

    const gif = path.join(dir, 'anim.gif');
    await sharp({ create: { width: 10, height: 10, channels: 3, background: '#00ff00' } }).gif().toFile(gif);
    expect(await c.dispatch('images.import', { projectId: summary.id, file: gif })).toMatchObject({ ok: false, error: { code: 'unsupported', message: 'anim.gif is a gif image; use JPEG, PNG or WebP.' } });
    const text = path.join(dir, 'notes.jpg');
    fs.writeFileSync(text, 'hello');
    expect(await c.dispatch('images.import', { projectId: summary.id, file: text })).toMatchObject({ ok: false, error: { message: 'notes.jpg is not a readable image.' } });
  });
});

describe('templates', () => {
  it('bundles at least six valid templates in Spanish and English', async () => {
    const c = core();
    expect(loadTemplates().length).toBeGreaterThanOrEqual(6);
    const es = await call<{ title: string }[]>(c, 'templates.list', { language: 'es' });
    const en = await call<{ title: string }[]>(c, 'templates.list', { language: 'en' });
    expect(es.length).toBeGreaterThanOrEqual(6);
    expect(es.every((t) => t.title.startsWith('¿Y si'))).toBe(true);
    expect(en.every((t) => t.title.startsWith('What if'))).toBe(true);
  });

  it('project.create with a template fills the scenes; templates.apply expands a new premise to N scenes', async () => {
    const c = core();
    const summary = await call<{ id: string; sceneCount: number }>(c, 'project.create', { name: 'Flying', templateId: 'humans-could-fly', language: 'es' });
    const doc = readProjectFile(c.projects.dirOf(summary.id));
    expect(doc.scenes.length).toBe(5);
    expect(doc.style).toMatchObject({ templateId: 'humans-could-fly', premise: 'todos los humanos pudieran volar' });
    expect(doc.scenes[0]!.prompt).toContain('todos los humanos pudieran volar');
    expect(doc.scenes.slice(1).every((s) => s.referenceSceneId === doc.scenes[0]!.id)).toBe(true);
    expect(doc.narration.script).toMatch(/^¿Y si/);

    const applied = await call<ProjectDocument>(c, 'templates.apply', { projectId: summary.id, templateId: 'moon-vanished', premise: 'the Sun turned blue', sceneCount: 8, language: 'en' });
    expect(applied.scenes).toHaveLength(8);
    expect(applied.scenes[0]!.prompt).toContain('the Sun turned blue');
    expect(applied.style.negativePrompt).toContain('watermark');
    expect(readProjectFile(c.projects.dirOf(summary.id)).scenes).toHaveLength(8);
    expect(await c.dispatch('templates.apply', { projectId: summary.id, templateId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
