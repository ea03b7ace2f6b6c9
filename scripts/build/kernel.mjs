// Compiles the per-frame pixel kernel (Ken Burns resampler, crossfade) (AssemblyScript) to WebAssembly. The .wasm is committed so
// an install needs no compiler; test/media/resample-kernel.test.ts fails when it is stale.
//   npm run build:kernel    (node scripts/build/kernel.mjs) writes src-main/media/render/kernel/frames.wasm

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const KERNEL_SOURCE = path.join(ROOT, 'src-main', 'media', 'render', 'kernel', 'frames.ts');
export const KERNEL_WASM = path.join(ROOT, 'src-main', 'media', 'render', 'kernel', 'frames.wasm');

/** The kernel compiled from source, as bytes. */
export async function compileKernel() {
  let binary = null;
  const { error, stderr } = await asc.main(
    [KERNEL_SOURCE, '--outFile', 'frames.wasm', '-O3', '--noAssert', '--runtime', 'stub', '--enable', 'simd', '--initialMemory', '1'],
    { writeFile: (name, contents) => { if (name.endsWith('.wasm')) binary = contents; } },
  );
  if (error) throw new Error(`AssemblyScript failed: ${error.message}\n${stderr.toString()}`);
  if (!binary) throw new Error('AssemblyScript wrote no .wasm');
  return Buffer.from(binary);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bytes = await compileKernel();
  fs.writeFileSync(KERNEL_WASM, bytes);
  console.log(`${path.relative(ROOT, KERNEL_WASM)}: ${bytes.length} bytes`);
}
