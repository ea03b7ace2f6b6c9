import { z } from 'zod';
import { AspectPresetSchema, LanguageSchema, ProjectDocumentSchema } from '../../project/document.js';
import { call, Empty, Ok } from './define.js';

export const ProjectSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  dir: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  openedAt: z.string().nullable(),
  preset: AspectPresetSchema,
  sceneCount: z.number().int(),
  duration: z.number(),
  /** Whether the folder is still there and readable. */
  available: z.boolean(),
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

const projectId = z.object({ id: z.string().min(1) }).strict();

export const projectCalls = {
  'app.info': call(
    Empty,
    z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      dataDir: z.string(),
      mode: z.enum(['desktop', 'bridge', 'cli']),
      ffmpeg: z.object({ found: z.boolean(), path: z.string().nullable(), message: z.string().nullable() }),
    }),
    'Version, platform, data folder and whether ffmpeg was found.',
  ),
  'project.list': call(Empty, z.array(ProjectSummarySchema), 'Projects known to the store, newest first.'),
  'project.create': call(
    z
      .object({
        name: z.string().trim().min(1, 'name must not be empty').max(200),
        language: LanguageSchema.optional(),
        preset: AspectPresetSchema.optional(),
        templateId: z.string().optional(),
        /** Parent folder; defaults to the data folder's projects/. */
        parentDir: z.string().optional(),
      })
      .strict(),
    ProjectSummarySchema,
    'Create a project folder with an empty document.',
  ),
  'project.open': call(
    projectId,
    z.object({ summary: ProjectSummarySchema, document: ProjectDocumentSchema }),
    'Read a project document (upgrading older versions in memory).',
  ),
  'project.openFolder': call(
    z.object({ dir: z.string().min(1) }).strict(),
    z.object({ summary: ProjectSummarySchema, document: ProjectDocumentSchema }),
    'Open (and index) a project folder from disk.',
  ),
  'project.save': call(
    z
      .object({
        id: z.string().min(1),
        document: ProjectDocumentSchema,
        /** When given, the save is refused (code conflict) if the file on disk has another updatedAt (a job wrote). */
        expectedUpdatedAt: z.string().optional(),
      })
      .strict(),
    ProjectSummarySchema,
    'Write the document atomically (temp file, then rename).',
  ),
  'project.rename': call(
    z.object({ id: z.string().min(1), name: z.string().trim().min(1, 'name must not be empty').max(200) }).strict(),
    ProjectSummarySchema,
    'Rename a project (the document name; the folder keeps its path).',
  ),
  'project.delete': call(
    z.object({ id: z.string().min(1), confirmId: z.string().min(1) }).strict(),
    Ok,
    'Delete a project folder. confirmId must repeat the id.',
  ),
  'project.exportCopy': call(
    z.object({ id: z.string().min(1), destDir: z.string().min(1) }).strict(),
    z.object({ dir: z.string() }),
    'Copy the project folder (document, assets, renders) to a new folder.',
  ),
  'project.createDemo': call(Empty, ProjectSummarySchema, 'Copy the bundled sample project and index it.'),
} as const;

export const projectEvents = {
  'project.changed': z.object({
    id: z.string(),
    /** `narrated`: a narration job replaced the narration and captions (the editor makes it one undo step). */
    reason: z.enum(['created', 'saved', 'renamed', 'deleted', 'updated-by-job', 'narrated', 'animated']),
  }),
} as const;
