// tsc compiles src-main to dist/main but copies no data files: bring the SQL migrations along.
import fs from 'node:fs';
import path from 'node:path';

const from = path.resolve('src-main/store/migrations');
const to = path.resolve('dist/main/store/migrations');
fs.mkdirSync(to, { recursive: true });
for (const file of fs.readdirSync(from)) if (file.endsWith('.sql')) fs.copyFileSync(path.join(from, file), path.join(to, file));
