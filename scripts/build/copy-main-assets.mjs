// tsc compiles src-main to dist/main but copies no data files: bring the SQL migrations and the
// export's WebAssembly kernel along.
import fs from 'node:fs';
import path from 'node:path';

function copy(fromDir, toDir, keep) {
  const from = path.resolve(fromDir);
  const to = path.resolve(toDir);
  fs.mkdirSync(to, { recursive: true });
  for (const file of fs.readdirSync(from)) if (keep(file)) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

copy('src-main/store/migrations', 'dist/main/store/migrations', (file) => file.endsWith('.sql'));
copy('src-main/media/render/kernel', 'dist/main/media/render/kernel', (file) => file.endsWith('.wasm'));
