import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, unknown> & {
  linux: { target: string[] };
  win: { target: { target: string; arch: string[] }[] };
  mac: { target: { target: string; arch: string[] }[] };
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  directories: { buildResources: string };
};

const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Config;

describe('electron-builder.yml', () => {
  it("validates against app-builder-lib's JSON schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5), null, 1)).toEqual([]);
    expect(valid).toBe(true);
    // The schema really checks: an unknown key is refused.
    expect(validate({ ...config, notAnOption: true })).toBe(false);
  });

  it('builds AppImage + deb, NSIS, and dmg for arm64 and x64, with the app id and icons', () => {
    expect(config.appId).toBe('app.whatif.studio');
    expect(config.productName).toBe('WhatIf Studio');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    for (const icon of ['icon.png', '256x256.png', '512x512.png']) expect(fs.existsSync(path.join(root, config.directories.buildResources, icon)), icon).toBe(true);
  });

  it('packs into asar, unpacks native modules, and ships the per-platform binaries where the resolver looks', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3/**', 'node_modules/sherpa-onnx*/**', 'node_modules/sharp/**']));
    expect(config.npmRebuild).toBe(true);
    // electron-builder's ${platform}-${arch} expands to process.platform-process.arch, the resolver's folder name.
    expect(config.extraResources).toContainEqual({ from: 'resources/bin/${platform}-${arch}', to: 'bin/${platform}-${arch}' });
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it("packages the files the shell loads: the compiled main entry, the preload bundle and the renderer", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/shell/main.js');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
    const mainSource = fs.readFileSync(path.join(root, 'src-main/shell/main.ts'), 'utf8');
    expect(mainSource).toContain("'dist', 'preload', 'preload.cjs'");
    expect(mainSource).toContain("'dist', 'renderer'");
  });
});
