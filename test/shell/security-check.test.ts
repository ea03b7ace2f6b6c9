import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { securityFindings, type SecurityRule } from '../../scripts/checks/security.js';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures: string[] = [];

/** A copy of the parts of the tree the check reads, with one file changed. */
function treeWith(file: string, change: (text: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-security-'));
  fixtures.push(dir);
  for (const part of ['src-main', 'src-preload', 'src-renderer/src', 'electron-builder.yml', 'tsconfig.base.json']) {
    fs.cpSync(path.join(root, part), path.join(dir, part), { recursive: true });
  }
  const target = path.join(dir, file);
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  const after = change(before);
  expect(after, `the fixture for ${file} must differ from the real file`).not.toBe(before);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, after);
  return dir;
}

async function rulesIn(dir: string): Promise<SecurityRule[]> {
  return [...new Set((await securityFindings(dir)).map((f) => f.rule))];
}

afterAll(() => {
  for (const dir of fixtures) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run check:security', () => {
  it('passes on the real tree', async () => {
    expect(await securityFindings(root)).toEqual([]);
  });

  it.each([
    ['contextIsolation: true', 'contextIsolation: false'],
    ['sandbox: true', 'sandbox: false'],
    ['nodeIntegration: false', 'nodeIntegration: true'],
    ['webSecurity: true', 'webSecurity: false'],
    ['webviewTag: false', 'webviewTag: true'],
  ])('fails when one window option is flipped (%s → %s)', async (from, to) => {
    const dir = treeWith('src-main/shell/window.ts', (text) => text.replace(from, to));
    expect(await rulesIn(dir)).toEqual(['window-options']);
  });

  it('fails on a second window created without the options', async () => {
    const dir = treeWith('src-main/shell/about-window.ts', () => "import { BrowserWindow } from 'electron';\nexport const w = () => new BrowserWindow({ width: 300 });\n");
    expect(await rulesIn(dir)).toEqual(['window-options']);
  });

  it.each([
    ["contextBridge.exposeInMainWorld('whatif', Object.freeze(api));", "contextBridge.exposeInMainWorld('whatif', Object.freeze(api));\ncontextBridge.exposeInMainWorld('ipc', ipcRenderer);"],
    ['const api = {', 'const api = {\n  raw: ipcRenderer,'],
    ['const api = {', 'const api = {\n  send: ipcRenderer.send,'],
    ['const api = {', 'const api = {\n  ipcRenderer,'],
  ])('fails when the preload exposes ipcRenderer (%#)', async (from, to) => {
    const dir = treeWith('src-preload/preload.ts', (text) => text.replace(from, to));
    expect(await rulesIn(dir)).toEqual(['ipcrenderer-exposed']);
  });

  it('fails when the app:// handler stops setting the CSP, or the policy allows inline script', async () => {
    const noHeader = treeWith('src-main/shell/schemes.ts', (text) => text.replaceAll("'Content-Security-Policy'", "'X-Nothing'"));
    expect(await rulesIn(noHeader)).toEqual(['csp']);
    const weak = treeWith('src-main/shell/policy.ts', (text) =>
      text.replace("return contentSecurityPolicy('', `${MEDIA_SCHEME}:`);", "return contentSecurityPolicy('', `${MEDIA_SCHEME}:`).replace(\"script-src 'self'\", \"script-src 'self' 'unsafe-inline'\");"),
    );
    expect(await rulesIn(weak)).toEqual(['csp']);
  });

  it('fails on openExternal with a non-http(s) URL, an unguarded call, or a loose URL test', async () => {
    const literal = treeWith('src-main/shell/menu.ts', (text) => `${text}\nimport { shell } from 'electron';\nexport const x = () => shell.openExternal('file:///etc/passwd');\n`);
    expect(await rulesIn(literal)).toEqual(['open-external']);
    const unguarded = treeWith('src-main/shell/external-links.ts', (text) => text.replace('if (!isSafeExternalUrl(url)) {', 'if (!url) {'));
    expect(await rulesIn(unguarded)).toEqual(['open-external']);
    const loose = treeWith('src-main/shell/policy.ts', (text) => text.replace("(parsed.protocol === 'https:' || parsed.protocol === 'http:')", 'true'));
    expect(await rulesIn(loose)).toEqual(['open-external']);
  });

  it('fails when a fuse is missing or turned the wrong way', async () => {
    const dir = treeWith('electron-builder.yml', (text) => text.replace('runAsNode: false', 'runAsNode: true').replace(/\n\s+enableCookieEncryption: true/, ''));
    const findings = await securityFindings(dir);
    expect(findings.map((f) => f.rule)).toEqual(['fuses', 'fuses']);
    expect(findings.map((f) => f.message).join(' ')).toMatch(/runAsNode.*enableCookieEncryption/);
  });

  it('fails when a key is written outside the secret store', async () => {
    const dir = treeWith(
      'src-main/store/leak.ts',
      () => "import fs from 'node:fs';\nexport function save(file: string, apiKey: string) {\n  fs.writeFileSync(file, JSON.stringify({ apiKey }));\n}\n",
    );
    expect(await rulesIn(dir)).toEqual(['key-outside-store']);
    const renderer = treeWith('src-renderer/src/leak.ts', () => "export const keep = (secret: string) => localStorage.setItem('kie', secret);\n");
    expect(await rulesIn(renderer)).toEqual(['key-outside-store']);
  });
});
