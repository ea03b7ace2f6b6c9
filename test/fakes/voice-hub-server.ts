/**
 * A loopback piper-voices hub: `voices.json` (sizes + md5s) and the voice files under
 * {lang}/{lang_CC}/{name}/{quality}/, with Range support (206). Faults per file: `cut` sends half of
 * the first answer then drops the connection; `corrupt` serves bytes whose md5 does not match.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface HubVoiceFiles {
  name: string;
  onnx: string;
  fault?: 'cut' | 'corrupt';
}

export async function startFakeVoiceHub(voices: HubVoiceFiles[]) {
  const files = new Map<string, { data: Buffer; fault: HubVoiceFiles['fault'] | undefined }>();
  const index: Record<string, unknown> = {};
  const ranges: string[] = [];
  let cutDone = false;
  for (const v of voices) {
    const [langCC = 'en_US', speaker = 'test', quality = 'medium'] = v.name.split('-');
    const dir = `${langCC.split('_')[0]}/${langCC}/${speaker}/${quality}`;
    const entries: Record<string, { size_bytes: number; md5_digest: string }> = {};
    for (const [ext, file] of [['.onnx', v.onnx], ['.onnx.json', `${v.onnx}.json`]] as const) {
      const data = fs.readFileSync(file);
      const hubPath = `${dir}/${v.name}${ext}`;
      entries[hubPath] = { size_bytes: data.length, md5_digest: crypto.createHash('md5').update(data).digest('hex') };
      const served = v.fault === 'corrupt' && ext === '.onnx' ? Buffer.from(data.map((b, i) => (i === 100 ? b ^ 0xff : b))) : data;
      files.set(`/${hubPath}`, { data: served, fault: ext === '.onnx' ? v.fault : undefined });
    }
    index[v.name] = { key: v.name, name: speaker, quality, language: { code: langCC }, num_speakers: 1, files: entries };
  }
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://hub').pathname);
    if (url === '/voices.json') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(index));
    }
    const file = files.get(url);
    if (!file) {
      res.writeHead(404);
      return res.end('not found');
    }
    const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
    ranges.push(`${path.basename(url)} ${req.headers.range ?? 'all'}`);
    const start = range ? Number(range[1]) : 0;
    const end = range && range[2] ? Math.min(Number(range[2]), file.data.length - 1) : file.data.length - 1;
    const body = file.data.subarray(start, end + 1);
    res.writeHead(range ? 206 : 200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream', ...(range ? { 'content-range': `bytes ${start}-${end}/${file.data.length}` } : {}) });
    if (file.fault === 'cut' && !cutDone && start > 0) {
      cutDone = true;
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, ranges, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
