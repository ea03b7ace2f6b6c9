/**
 * Where the app keeps its data: per OS convention, overridable with WHATIF_HOME (tests use a temp dir).
 *   Linux:   $XDG_DATA_HOME/whatif-studio or ~/.local/share/whatif-studio
 *   macOS:   ~/Library/Application Support/WhatIf Studio
 *   Windows: %APPDATA%\WhatIf Studio
 */
import os from 'node:os';
import path from 'node:path';

export interface DataPaths {
  home: string;
  database: string;
  projects: string;
  voices: string;
  cache: string;
  logs: string;
  secretsFile: string;
}

export function resolveDataHome(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, homedir = os.homedir()): string {
  if (env.WHATIF_HOME) return path.resolve(env.WHATIF_HOME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir, 'AppData', 'Roaming'), 'WhatIf Studio');
  if (platform === 'darwin') return path.join(homedir, 'Library', 'Application Support', 'WhatIf Studio');
  return path.join(env.XDG_DATA_HOME || path.join(homedir, '.local', 'share'), 'whatif-studio');
}

export function dataPaths(home: string): DataPaths {
  return {
    home,
    database: path.join(home, 'whatif.sqlite'),
    projects: path.join(home, 'projects'),
    voices: path.join(home, 'voices'),
    cache: path.join(home, 'cache'),
    logs: path.join(home, 'logs'),
    secretsFile: path.join(home, 'secrets.json'),
  };
}
