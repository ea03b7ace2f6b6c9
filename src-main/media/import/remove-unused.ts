/**
 * "Remove unused" in the media bin: assets no clip or scene uses leave the document, and their files
 * leave assets/ (unless another asset entry shares the file), with a video's preview copy from
 * proxies/. A used asset is refused by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core.js';
import { appError } from '../../errors.js';
import type { ProjectDocument } from '../../project/document.js';
import { assetUsage } from './usage.js';

export function removeUnusedAssets(core: Core, projectId: string, assetIds: readonly string[]): { removed: string[]; document: ProjectDocument } {
  const dir = core.projects.dirOf(projectId);
  let removedFiles: string[] = [];
  let removed: string[] = [];
  const document = core.projects.update(
    projectId,
    (doc) => {
      const usage = assetUsage(doc);
      for (const id of assetIds) {
        const asset = Object.hasOwn(doc.assets, id) ? doc.assets[id]! : null;
        if (!asset) continue;
        const uses = usage.get(id) ?? 0;
        if (uses > 0) throw appError('conflict', uses === 1 ? 'import.usedOnce' : 'import.usedTimes', { name: asset.originalName ?? path.basename(asset.file), count: uses });
      }
      removed = assetIds.filter((id) => Object.hasOwn(doc.assets, id));
      const assets = Object.fromEntries(Object.entries(doc.assets).filter(([id]) => !removed.includes(id)));
      const kept = new Set(Object.values(assets).map((a) => a.file));
      removedFiles = removed.map((id) => doc.assets[id]!.file).filter((file) => !kept.has(file));
      // A removed video's preview copy goes with it (no other asset names it: copies are per source).
      removedFiles.push(...removed.flatMap((id) => (doc.assets[id]!.proxy ? [doc.assets[id]!.proxy!.file] : [])));
      return { ...doc, assets };
    },
    'saved',
  );
  for (const file of removedFiles) fs.rmSync(path.join(dir, file), { force: true });
  return { removed, document };
}
