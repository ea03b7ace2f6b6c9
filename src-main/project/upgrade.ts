/**
 * Step-by-step upgrades of project.json: a file from an older version goes through each step up to
 * PROJECT_VERSION, then through the zod schema. Pure; a step takes the raw JSON of version N and
 * returns the raw JSON of version N + 1. Add a step here whenever the document changes shape.
 */
import { PROJECT_VERSION } from './document.js';
import { upgradeV1toV2 } from './upgrade-v1.js';

export type UpgradeStep = (raw: Record<string, unknown>) => Record<string, unknown>;

/** UPGRADES[n] turns version n into version n + 1. Version 1 is the first released format. */
export const UPGRADES: Record<number, UpgradeStep> = { 1: upgradeV1toV2 };

export class UpgradeError extends Error {}

export function upgradeDocument(
  raw: unknown,
  steps: Record<number, UpgradeStep> = UPGRADES,
  latest: number = PROJECT_VERSION,
): Record<string, unknown> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UpgradeError('the file does not hold a JSON object');
  let doc = raw as Record<string, unknown>;
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new UpgradeError('it has no valid "version" field');
  }
  if (version > latest) {
    throw new UpgradeError(`it was saved by a newer WhatIf Studio (format ${version}; this version reads up to ${latest}). Update the app to open it`);
  }
  for (let v = version; v < latest; v++) {
    const step = steps[v];
    if (!step) throw new UpgradeError(`there is no upgrade from format ${v}`);
    doc = { ...step(doc), version: v + 1 };
  }
  return doc;
}
