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
import { openDatabase, type Db } from './store/database.js';
import { ProjectsIndex } from './store/projects-index.js';
import { SettingsStore } from './store/settings-store.js';

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
  jobs: JobQueue;
  handlers: Handlers;
  dispatch: Dispatch;
  log: (line: string) => void;
  /** "Test connection" per provider; registered by the provider modules. */
  secretTesters: Partial<Record<SecretName, () => Promise<{ ok: boolean; message: string }>>>;
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
  for (const dir of [paths.home, paths.projects, paths.voices, paths.cache, paths.logs]) fs.mkdirSync(dir, { recursive: true });
  const log = options.log ?? (() => {});
  const db = openDatabase(paths.database);
  const events = new EventBus();
  const settings = new SettingsStore(db);
  const secrets = options.secrets ?? new FileSecretStore(paths.secretsFile);
  const projects = new ProjectService(new ProjectsIndex(db), paths.projects, events);
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
