/**
 * Starts the real app the way a developer does (`whatif web`, which builds the renderer if stale and
 * runs the real core against a temp data folder) and opens it in Debian's Chromium via playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');

/** The sidebar's panels as the user reads them, [English, Spanish]. */
export const SIDEBAR = {
  projects: ['Projects', 'Proyectos'],
  voice: ['Voice', 'Voz'],
  storyboard: ['Storyboard', 'Guion gráfico'],
  timeline: ['Timeline', 'Línea de tiempo'],
  jobs: ['Jobs', 'Tareas'],
  monitor: ['Monitor', 'Monitor'],
  settings: ['Settings', 'Ajustes'],
  demo: ['Demo', 'Demo'],
} satisfies Record<string, [en: string, es: string]>;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new Error('Chromium not found: install Debian\'s chromium package (bash .ci/run does) or set CHROMIUM_PATH.');
  return found;
}

export interface AppSession {
  url: string;
  origin: string;
  home: string;
  page: Page;
  browser: Browser;
  server: ChildProcess;
  output: () => string;
  close(): Promise<void>;
}

export async function startApp(options: { env?: Record<string, string>; home?: string; viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const home = options.home ?? fs.mkdtempSync(path.join(os.tmpdir(), 'whatif-e2e-'));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const server = spawn(process.execPath, [path.join(ROOT, 'bin', 'whatif.mjs'), 'web', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, WHATIF_HOME: home, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout!.on('data', (d) => (output += String(d)));
  server.stderr!.on('data', (d) => (output += String(d)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`whatif web did not print its URL in time:\n${output}`)), 170_000);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    server.stdout!.on('data', check);
    server.on('exit', (code) => reject(new Error(`whatif web exited (${code}):\n${output}`)));
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } });
  const page = await context.newPage();
  return {
    url,
    origin: new URL(url).origin,
    home,
    page,
    browser,
    server,
    output: () => output,
    async close() {
      await browser.close().catch(() => {});
      server.kill('SIGTERM');
      // `whatif web` exits on SIGTERM (core.close ends its child processes); SIGKILL only guards the
      // suite against a hang should that ever break.
      const guard = setTimeout(() => server.kill('SIGKILL'), 5_000);
      await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(null)));
      clearTimeout(guard);
      if (!options.home) fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

/** Calls the contract from inside the page, over the bridge (the page carries the token cookie). */
export async function callInPage<T>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, i]) => (await fetch(`/api/call/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(i) })).json(),
    [channel, input] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.data as T;
}
