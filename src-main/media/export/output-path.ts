/**
 * Where an export goes by default and with which settings. The project's renders/ folder when it can
 * be written; otherwise (a read-only or bundled project such as the installed sample) the data
 * folder's renders/. Names are `<project>-<preset>-<timestamp>.mp4`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../../platform/app-root.js';
import { ensureFolder } from '../../files/path-input.js';
import { ASPECT_PRESETS, type AspectPreset, type OutputSettings, type Quality } from '../../project/document.js';

export function resolveOutput(base: OutputSettings, overrides: { preset?: AspectPreset | undefined; fps?: OutputSettings['fps'] | undefined; quality?: Quality | undefined }): OutputSettings {
  const preset = overrides.preset ?? base.preset;
  const size = overrides.preset && overrides.preset !== base.preset ? ASPECT_PRESETS[preset] : { width: base.width, height: base.height };
  return { preset, width: size.width - (size.width % 2), height: size.height - (size.height % 2), fps: overrides.fps ?? base.fps, quality: overrides.quality ?? base.quality };
}

export function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._ -]+/gu, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'export';
}

function writable(dir: string): boolean {
  try {
    ensureFolder('renders', dir);
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function defaultRendersDir(projectDir: string, dataHome: string): string {
  const own = path.join(projectDir, 'renders');
  if (!isInside(path.resolve(projectDir), resourcesDir()) && writable(own)) return own;
  return path.join(dataHome, 'renders');
}

export function defaultDestination(projectDir: string, dataHome: string, projectName: string, preset: AspectPreset, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:T]/g, '-').replace(/\..*$/, '');
  return path.join(defaultRendersDir(projectDir, dataHome), `${safeFileName(projectName)}-${preset.replace(':', 'x')}-${stamp}.mp4`);
}
