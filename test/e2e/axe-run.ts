/**
 * axe-core in the page without weakening the page's Content-Security-Policy (script-src 'self'): the
 * source is evaluated through the DevTools protocol (Runtime.evaluate), which the page's CSP does not
 * govern, instead of an inline <script> tag, which it rightly blocks.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

function axeSource(): string {
  try {
    return fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  } catch {
    throw new Error('axe-core is a devDependency: run npm ci');
  }
}
const AXE = axeSource();

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeResult {
  violations: { id: string; nodes: AxeNode[] }[];
}

/** Each violation as one line: rule, then up to three elements with what to fix. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResult> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()})`);
    return `${v.id} ×${v.nodes.length}: ${nodes.join('; ')}`;
  });
}
