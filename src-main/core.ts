/**
 * The core: everything the Electron main process owns, in plain Node (no `electron` import). The
 * desktop shell, the loopback bridge, the CLI and the tests all build one with createCore().
 */
import fs from 'node:fs';
import path from 'node:path';
import { EventBus } from './ipc/events.js';
import { createDispatcher, type Dispatch, type Handlers } from './ipc/handle.js';
import { createHandlers } from './ipc/handlers/index.js';
import { JobQueue } from './jobs/queue.js';
import { registerJobKinds } from './jobs/register-kinds.js';
import type { RetryPolicy } from './jobs/retry-policy.js';
import { appRoot } from './platform/app-root.js';
import { dataPaths, resolveDataHome, type DataPaths } from './platform/data-dir.js';
import type { DesktopOs } from './platform/desktop-os.js';
import { ProjectService } from './project/project-service.js';
import { FileSecretStore, type SecretName, type SecretStore } from './secrets/secret-store.js';
import { rememberingStore, scrub } from './secrets/known-secrets.js';
import { PathGrants, rootsFromEnv } from './files/grants.js';
import { ensureFolder } from './files/path-input.js';
import { openDatabase, type Db } from './store/database.js';
import { ProjectsIndex } from './store/projects-index.js';
import { SettingsStore } from './store/settings-store.js';
import type { KeyTestResult } from './secrets/key-test.js';

export type CoreMode = 'desktop' | 'bridge' | 'cli';

export interface CoreOptions {
  mode: CoreMode;
  /** Data folder; defaults to WHATIF_HOME or the OS convention. */
  home?: string;
  secrets?: SecretStore;
  /** Native dialogs and "show in folder": given by the Electron shell only. */
  desktop?: DesktopOs;
  log?: (line: string) => void;
  /** Start running queued jobs (false for one-shot CLI commands that run work directly). */
  startJobs?: boolean;
  /** Retry timing (tests shorten the backoff). */
  jobRetry?: Partial<RetryPolicy>;
  /** Folders the page may name besides the data folder and the projects (bridge: `whatif web --allow`). */
  allowedRoots?: string[];
}

export interface Core {
  mode: CoreMode;
  version: string;
  paths: DataPaths;
  db: Db;
  events: EventBus;
  settings: SettingsStore;
  secrets: SecretStore;
  /** Set in desktop mode by the Electron shell; absent for the bridge and the CLI. */
  desktop?: DesktopOs;
  projects: ProjectService;
  /** Which paths the page may name (files/grants.ts). */
  grants: PathGrants;
  jobs: JobQueue;
  handlers: Handlers;
  dispatch: Dispatch;
  log: (line: string) => void;
  /** "Test connection" per provider; registered by the provider modules. */
  secretTesters: Partial<Record<SecretName, () => Promise<KeyTestResult>>>;
  /** Fill a new project from a "What if...?" template; registered by the templates module. */
  applyTemplate?: (projectId: string, templateId: string) => void;
  /** Run `fn` when the core closes (child processes a domain keeps alive, for instance). */
  onClose(fn: () => void): void;
  close(): Promise<void>;
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function createCore(options: CoreOptions): Core {
  const paths = dataPaths(options.home ?? resolveDataHome());
  for (const dir of [paths.home, paths.projects, paths.voices, paths.cache, paths.logs]) ensureFolder('the data folder', dir);
  const sink = options.log;
  // Every log line is scrubbed of known keys before it reaches a file, a console or a test.
  const log = sink ? (line: string) => sink(scrub(line)) : () => {};
  const db = openDatabase(paths.database);
  const events = new EventBus();
  const settings = new SettingsStore(db);
  const secrets = rememberingStore(options.secrets ?? new FileSecretStore(paths.secretsFile));
  // Learn the stored keys now, so they are scrubbed even before a provider is called.
  for (const name of ['kie', 'elevenlabs'] as const) void secrets.get(name).catch(() => null);
  const index = new ProjectsIndex(db);
  const projects = new ProjectService(index, paths.projects, events);
  const grants = new PathGrants(options.mode, () => [paths.home, ...index.list().map((p) => p.dir)], options.allowedRoots ?? (options.mode === 'bridge' ? rootsFromEnv() : []));
  const jobs = new JobQueue({ db, events, log, ...(options.jobRetry ? { retry: options.jobRetry } : {}) });

  const closers: (() => void)[] = [];
  const core = {
    mode: options.mode,
    version: readVersion(),
    paths,
    db,
    events,
    settings,
    secrets,
    ...(options.desktop ? { desktop: options.desktop } : {}),
    projects,
    grants,
    jobs,
    log,
    secretTesters: {},
    onClose(fn: () => void) {
      closers.push(fn);
    },
    async close() {
      await jobs.stop();
      for (const fn of closers.splice(0)) fn();
      events.flush();
      db.close();
    },
  } as Omit<Core, 'handlers' | 'dispatch'> as Core;
  core.handlers = createHandlers(core);
  core.dispatch = createDispatcher(core.handlers, log);
  registerJobKinds(core);
  if (options.startJobs !== false) jobs.start();
  return core;
}
