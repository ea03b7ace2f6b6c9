/**
 * `npm run check:security`: reads the shell's source and the packaging config and fails on
 *   window-options       a BrowserWindow without contextIsolation, sandbox, nodeIntegration off, webSecurity
 *   ipcrenderer-exposed  the preload handing ipcRenderer (or one of its raw methods) to the page
 *   csp                  the app:// handler not setting the Content-Security-Policy, or a weak policy
 *   open-external        shell.openExternal outside the guarded helper, or with a non-http(s) URL
 *   fuses                electron-builder.yml without the Electron fuses (or asar off)
 *   key-outside-store    a key-like value written to disk, a store or localStorage outside the secret stores
 * Run by test/shell/security-check.test.ts (so `npm test` runs it) and on its own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export type SecurityRule = 'window-options' | 'ipcrenderer-exposed' | 'csp' | 'open-external' | 'fuses' | 'key-outside-store';

export interface SecurityFinding {
  rule: SecurityRule;
  file: string;
  message: string;
}

const REQUIRED_WEB_PREFERENCES: [string, string][] = [
  ['contextIsolation', 'true'],
  ['sandbox', 'true'],
  ['nodeIntegration', 'false'],
  ['webSecurity', 'true'],
];
const FORBIDDEN_WEB_PREFERENCES = ['nodeIntegrationInSubFrames', 'nodeIntegrationInWorker', 'allowRunningInsecureContent', 'webviewTag', 'experimentalFeatures'];
const REQUIRED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
/** Files that ARE the secret stores: the only places allowed to persist a key. */
const SECRET_STORES = ['src-main/secrets/secret-store.ts', 'src-main/shell/keychain.ts'];
const EXTERNAL_HELPER = 'src-main/shell/external-links.ts';

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...listFiles(full, pattern));
    } else if (pattern.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Source without comments (strings kept), so a word in a comment is not code. */
export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The text between the parenthesis at `open` and its match. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')') {
      depth -= 1;
      if (depth === 0) return text.slice(open + 1, i);
    }
  }
  return text.slice(open + 1);
}

function checkWindows(root: string, findings: SecurityFinding[]): void {
  let windows = 0;
  for (const file of listFiles(path.join(root, 'src-main'), /\.(ts|mts|js|mjs)$/)) {
    const code = stripComments(fs.readFileSync(file, 'utf8'));
    const rel = path.relative(root, file);
    for (const match of code.matchAll(/new\s+BrowserWindow\s*\(/g)) {
      windows += 1;
      const options = balanced(code, match.index + match[0].length - 1);
      for (const [name, value] of REQUIRED_WEB_PREFERENCES) {
        if (!new RegExp(`\\b${name}\\s*:\\s*${value}\\b`).test(options)) {
          findings.push({ rule: 'window-options', file: rel, message: `A BrowserWindow is created without ${name}: ${value} in its webPreferences.` });
        }
      }
      for (const name of FORBIDDEN_WEB_PREFERENCES) {
        if (new RegExp(`\\b${name}\\s*:\\s*true\\b`).test(options)) findings.push({ rule: 'window-options', file: rel, message: `A BrowserWindow turns on ${name}.` });
      }
      if (/webPreferences\s*:\s*\{[^}]*\.\.\./.test(options) || /webPreferences\s*:\s*[A-Za-z_$]/.test(options)) {
        findings.push({ rule: 'window-options', file: rel, message: 'webPreferences must be written out literally where the window is created, so they can be checked.' });
      }
    }
  }
  if (windows === 0) findings.push({ rule: 'window-options', file: 'src-main/shell', message: 'No BrowserWindow found: the check cannot see the window options.' });
}

function checkPreload(root: string, findings: SecurityFinding[]): void {
  const files = listFiles(path.join(root, 'src-preload'), /\.(ts|mts|js|mjs|cjs)$/);
  let exposes = 0;
  for (const file of files) {
    const rel = path.relative(root, file);
    const code = stripComments(fs.readFileSync(file, 'utf8')).replace(/^\s*import[\s\S]*?from\s*['"][^'"]+['"];?/gm, '');
    exposes += (code.match(/exposeInMainWorld\s*\(/g) ?? []).length;
    const leaks = [
      /exposeInMainWorld\s*\(\s*[^,]+,\s*ipcRenderer\b/,
      /[:=]\s*ipcRenderer\s*[,;})\n]/,
      /[:=]\s*ipcRenderer\s*\.\s*(invoke|on|once|send|sendSync|sendTo|sendToHost|postMessage|addListener|removeListener|removeAllListeners)\s*(\.bind\s*\([^)]*\))?\s*[,;})\n]/,
      /[{,]\s*ipcRenderer\s*[,}]/,
      /\.\.\.\s*ipcRenderer\b/,
      /bind\s*\(\s*ipcRenderer\s*\)/,
    ];
    if (leaks.some((pattern) => pattern.test(code))) {
      findings.push({ rule: 'ipcrenderer-exposed', file: rel, message: 'The preload hands ipcRenderer (or one of its methods) to the page; expose only invoke/on for contract channels.' });
    }
  }
  if (exposes === 0) findings.push({ rule: 'ipcrenderer-exposed', file: 'src-preload', message: 'No contextBridge.exposeInMainWorld found in the preload.' });
}

async function checkCsp(root: string, findings: SecurityFinding[]): Promise<void> {
  const schemes = path.join(root, 'src-main/shell/schemes.ts');
  const code = fs.existsSync(schemes) ? stripComments(fs.readFileSync(schemes, 'utf8')) : '';
  if (!/['"]Content-Security-Policy['"]/.test(code) || !/appContentSecurityPolicy\s*\(/.test(code)) {
    findings.push({ rule: 'csp', file: 'src-main/shell/schemes.ts', message: 'The app:// handler does not set the Content-Security-Policy header.' });
  }
  const policyFile = path.join(root, 'src-main/shell/policy.ts');
  if (!fs.existsSync(policyFile)) {
    findings.push({ rule: 'csp', file: 'src-main/shell/policy.ts', message: 'The shell policy module is missing.' });
    return;
  }
  const policy = (await import(pathToFileURL(policyFile).href)) as { appContentSecurityPolicy(): string; isSafeExternalUrl(url: string): boolean };
  const csp = policy.appContentSecurityPolicy();
  const directive = (name: string) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? '';
  const problems = [
    directive('default-src') === "default-src 'self'" ? null : "default-src must be 'self'",
    directive('script-src') && !/unsafe-|\*|data:|http/.test(directive('script-src')) ? null : "script-src must allow 'self' only",
    directive('object-src') === "object-src 'none'" ? null : "object-src must be 'none'",
    directive('frame-ancestors') === "frame-ancestors 'none'" ? null : "frame-ancestors must be 'none'",
    directive('base-uri') ? null : 'base-uri is missing',
  ].filter(Boolean);
  for (const problem of problems) findings.push({ rule: 'csp', file: 'src-main/shell/policy.ts', message: `Weak Content-Security-Policy: ${problem}.` });

  for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://whatif/index.html', 'vbscript:x', 'ms-msdt:/id']) {
    if (policy.isSafeExternalUrl(url)) findings.push({ rule: 'open-external', file: 'src-main/shell/policy.ts', message: `isSafeExternalUrl accepts ${url}.` });
  }
}

function checkOpenExternal(root: string, findings: SecurityFinding[]): void {
  const files = [...listFiles(path.join(root, 'src-main'), /\.(ts|mts|js|mjs)$/), ...listFiles(path.join(root, 'src-preload'), /\.(ts|mts|js|mjs)$/)];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const code = stripComments(fs.readFileSync(file, 'utf8'));
    for (const match of code.matchAll(/\bopenExternal\s*\(/g)) {
      const argument = balanced(code, match.index + match[0].length - 1).trim();
      const literal = /^(['"`])([^'"`]*)/.exec(argument);
      if (literal && !/^https?:\/\//i.test(literal[2] ?? '')) {
        findings.push({ rule: 'open-external', file: rel, message: `openExternal is called with a non-http(s) URL: ${argument.slice(0, 60)}` });
      } else if (rel !== EXTERNAL_HELPER) {
        findings.push({ rule: 'open-external', file: rel, message: `openExternal is called outside ${EXTERNAL_HELPER}; use openExternalSafe().` });
      }
    }
  }
  const helper = path.join(root, EXTERNAL_HELPER);
  const code = fs.existsSync(helper) ? stripComments(fs.readFileSync(helper, 'utf8')) : '';
  const guard = code.search(/if\s*\(\s*!\s*isSafeExternalUrl\s*\(/);
  const call = code.search(/\bopenExternal\s*\(/);
  if (call >= 0 && (guard < 0 || guard > call)) {
    findings.push({ rule: 'open-external', file: EXTERNAL_HELPER, message: 'shell.openExternal is not guarded by isSafeExternalUrl() before the call.' });
  }
}

function checkFuses(root: string, findings: SecurityFinding[]): void {
  const file = path.join(root, 'electron-builder.yml');
  let config: Record<string, unknown> = {};
  try {
    const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
    config = (yaml.load(fs.readFileSync(file, 'utf8')) ?? {}) as Record<string, unknown>;
  } catch (error) {
    findings.push({ rule: 'fuses', file: 'electron-builder.yml', message: `electron-builder.yml could not be read: ${(error as Error).message}` });
    return;
  }
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  for (const [name, wanted] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[name] !== wanted) findings.push({ rule: 'fuses', file: 'electron-builder.yml', message: `electronFuses.${name} must be ${wanted} (is ${String(fuses[name])}).` });
  }
  if (config.asar === false) findings.push({ rule: 'fuses', file: 'electron-builder.yml', message: 'asar is off: the asar integrity fuse needs it.' });
}

const WRITE_SINK = /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|localStorage\.setItem|sessionStorage\.setItem|settings\.set|store\.set|Store\s*\(\s*\)\.set)\s*\(/;
const KEY_LIKE = /\b(api[_-]?key|apiKey|secret|secrets|password|passwd|bearer|authorization|accessToken|authToken)\b|WHATIF_[A-Z]+_API_KEY/i;

function checkKeyWrites(root: string, findings: SecurityFinding[]): void {
  const files = [
    ...listFiles(path.join(root, 'src-main'), /\.(ts|mts|js|mjs)$/),
    ...listFiles(path.join(root, 'src-renderer', 'src'), /\.(ts|tsx)$/),
    ...listFiles(path.join(root, 'src-preload'), /\.(ts|mts|js|mjs)$/),
  ];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    if (SECRET_STORES.includes(rel)) continue;
    const code = stripComments(fs.readFileSync(file, 'utf8'));
    // One statement at a time (up to the next semicolon), so a sink and a key name must meet in it.
    for (const statement of code.split(/;\s*\n|\n\s*\n/)) {
      if (WRITE_SINK.test(statement) && KEY_LIKE.test(statement)) {
        findings.push({ rule: 'key-outside-store', file: rel, message: `A key-like value seems to be written outside the secret store: ${statement.trim().split('\n')[0]?.slice(0, 100)}` });
      }
    }
  }
}

export async function securityFindings(root: string): Promise<SecurityFinding[]> {
  const findings: SecurityFinding[] = [];
  checkWindows(root, findings);
  checkPreload(root, findings);
  await checkCsp(root, findings);
  checkOpenExternal(root, findings);
  checkFuses(root, findings);
  checkKeyWrites(root, findings);
  return findings;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const findings = await securityFindings(process.cwd());
  for (const f of findings) console.error(`${f.rule}: ${f.file}: ${f.message}`);
  console.log(findings.length ? `check:security: ${findings.length} problem(s).` : 'check:security: window options, preload, CSP, external links, fuses and key storage are as required.');
  process.exitCode = findings.length ? 1 : 0;
}
