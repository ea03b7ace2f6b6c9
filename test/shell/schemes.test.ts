import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeTestCore, tempDir } from '../helpers/temp-core.js';
import { storeAssetBuffer } from '../../src-main/project/assets.js';

vi.mock('electron', () => import('./stand-in/electron.js'));

const { recorded, StandInSession } = await import('./stand-in/electron.js');
const { handleSchemes, registerSchemePrivileges, serveApp, serveMedia } = await import('../../src-main/shell/schemes.js');

const core = makeTestCore();
const rendererDir = tempDir('whatif-renderer-');
const outside = tempDir('whatif-outside-');
let projectId = '';
let assetId = '';
let projectDir = '';
const audio = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

beforeAll(async () => {
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP-SECRET-CONTENT');
  const created = core.projects.create({ name: 'Media test' });
  projectId = created.id;
  projectDir = core.projects.dirOf(projectId);
  const asset = await storeAssetBuffer(projectDir, audio, 'wav', { kind: 'audio', source: 'import' });
  assetId = asset.id;
  core.projects.update(projectId, (doc) => ({ ...doc, assets: { ...doc.assets, [asset.id]: asset } }));
});
afterAll(async () => {
  await core.cleanup();
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('serves index.html with the strict Content-Security-Policy', async () => {
    const reply = serveApp(rendererDir, 'app://whatif/index.html');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    const csp = reply.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/media-src [^;]*media:/);
    expect(csp).toMatch(/img-src [^;]*media:/);
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).not.toMatch(/ws:|http:/);
    expect(await reply.text()).toContain('<title>x</title>');
  });

  it('puts the policy on every answer, and routes unknown pages to the app', async () => {
    const js = serveApp(rendererDir, 'app://whatif/assets/app.js');
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(js.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await serveApp(rendererDir, 'app://whatif/projects').text()).toContain('<title>x</title>');
    expect(serveApp(rendererDir, 'app://whatif/missing.js').status).toBe(404);
    expect(serveApp(rendererDir, 'app://whatif/missing.js').headers.get('content-security-policy')).toBeTruthy();
  });

  it('stays inside the renderer folder and answers only its own host', async () => {
    const outsideFile = path.join(outside, 'page.css');
    fs.writeFileSync(outsideFile, 'TOP-SECRET-CONTENT');
    const relative = path.relative(rendererDir, outsideFile);
    const attempts = [
      `app://whatif/${relative}`,
      `app://whatif/${relative.split('/').map((part) => (part === '..' ? '%2e%2e' : part)).join('/')}`,
      `app://whatif/${encodeURIComponent(relative)}`,
      `app://whatif/${encodeURIComponent(outsideFile)}`,
    ];
    for (const attempt of attempts) {
      const reply = serveApp(rendererDir, attempt);
      // Either refused, or (dots folded away by URL parsing) a page of the app itself: never the file.
      expect([200, 404], attempt).toContain(reply.status);
      const body = Buffer.from(await reply.arrayBuffer()).toString();
      expect(body, attempt).not.toContain('TOP-SECRET-CONTENT');
    }
    expect(serveApp(rendererDir, 'app://other/index.html').status).toBe(404);
    expect(serveApp(rendererDir, 'app://whatif/index.html', 'POST').status).toBe(405);
  });
});

describe('media:// scheme', () => {
  const url = () => `media://${projectId}/${assetId}`;

  it('serves an asset by id with its MIME type and byte ranges', async () => {
    const whole = serveMedia(core.projects, url(), null);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/wav');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('access-control-allow-origin')).toBe('app://whatif');
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(audio);

    const part = serveMedia(core.projects, url(), 'bytes=100-199');
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer())).toEqual(audio.subarray(100, 200));

    const tail = serveMedia(core.projects, url(), 'bytes=-10');
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(audio.subarray(990));
    const open = serveMedia(core.projects, `${url()}?t=1`, 'bytes=995-');
    expect(Buffer.from(await open.arrayBuffer())).toEqual(audio.subarray(995));

    const beyond = serveMedia(core.projects, url(), 'bytes=5000-');
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe('bytes */1000');
  });

  it('serves renders by name', async () => {
    fs.mkdirSync(path.join(projectDir, 'renders'), { recursive: true });
    fs.writeFileSync(path.join(projectDir, 'renders', 'final.mp4'), 'mp4 bytes');
    const reply = serveMedia(core.projects, `media://${projectId}/renders/final.mp4`, null);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('video/mp4');
    expect(await reply.text()).toBe('mp4 bytes');
  });

  it('never leaves the project folder: .., encoded dots, absolute paths, symlinks', async () => {
    const attempts = [
      `media://${projectId}/../../../etc/passwd`,
      `media://${projectId}/%2e%2e/%2e%2e/etc/passwd`,
      `media://${projectId}/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd`,
      `media://${projectId}/renders/..%2f..%2f..%2fetc%2fpasswd`,
      `media://${projectId}/renders/%2e%2e`,
      'media:///etc/passwd',
      `media://${encodeURIComponent(outside)}/secret.txt`,
      `media://${projectId}/${encodeURIComponent(path.join(outside, 'secret.txt'))}`,
    ];
    for (const attempt of attempts) {
      const reply = serveMedia(core.projects, attempt, null);
      expect([400, 404], attempt).toContain(reply.status);
      expect(await reply.text(), attempt).not.toContain('TOP-SECRET-CONTENT');
    }
    // A render that is a symlink to a file outside the project.
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(projectDir, 'renders', 'link.mp4'));
    const linked = serveMedia(core.projects, `media://${projectId}/renders/link.mp4`, null);
    expect(linked.status).toBe(400);
    expect(await linked.text()).not.toContain('TOP-SECRET-CONTENT');
    // An asset whose file was swapped for a symlink pointing outside.
    const assetFile = path.join(projectDir, 'assets', `${assetId}.wav`);
    const backup = `${assetFile}.bak`;
    fs.renameSync(assetFile, backup);
    fs.symlinkSync(path.join(outside, 'secret.txt'), assetFile);
    try {
      const swapped = serveMedia(core.projects, url(), null);
      expect(swapped.status).toBe(400);
      expect(await swapped.text()).not.toContain('TOP-SECRET-CONTENT');
    } finally {
      fs.rmSync(assetFile);
      fs.renameSync(backup, assetFile);
    }
  });

  it('unknown projects and assets are 404', () => {
    expect(serveMedia(core.projects, `media://no-such-project/${assetId}`, null).status).toBe(404);
    expect(serveMedia(core.projects, `media://${projectId}/${'0'.repeat(64)}`, null).status).toBe(404);
  });
});

describe('scheme registration', () => {
  it('registers app as a secure standard scheme and media as a streaming one, and installs both handlers', async () => {
    registerSchemePrivileges();
    expect(recorded.schemes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
        expect.objectContaining({ scheme: 'media', privileges: expect.objectContaining({ stream: true }) }),
      ]),
    );
    const session = new StandInSession();
    handleSchemes(session as never, rendererDir, core.projects, () => {});
    const media = await session.protocolHandlers.get('media')!(new Request(`media://${projectId}/${assetId}`, { headers: { Range: 'bytes=0-3' } }));
    expect(media.status).toBe(206);
    expect(Buffer.from(await media.arrayBuffer())).toEqual(audio.subarray(0, 4));
    const page = await session.protocolHandlers.get('app')!(new Request('app://whatif/index.html'));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
