/**
 * Pinned per-platform binaries bundled with the app (electron-builder's extraResources copies
 * resources/bin/<platform>-<arch>/ into the package; src-main/platform/binaries.ts looks there first).
 *
 * ffmpeg / ffprobe: eugeneware/ffmpeg-static release b6.1.1 (ffmpeg 7.0.2 static builds, GPL), one
 * gzip-compressed executable per platform. Narration engine: the Piper CLI release 2023.11.14-2
 * (Linux only: its macOS archives are broken upstream and no sum was pinned for the Windows zip; the
 * app's in-process engine, sherpa-onnx, ships inside its npm package on every platform).
 *
 * The sha256 sums are of the downloaded files, as published alongside those releases and cross-checked
 * in two independent public pin lists; they could not be re-measured here (no access to those hosts).
 */
export type BinaryArchive = 'gzip' | 'tar.gz';

export interface BinarySource {
  /** Installed as <name>[.exe] (gzip) or the folder <name>/ (tar.gz, whose top folder is <name>/). */
  name: 'ffmpeg' | 'ffprobe' | 'piper';
  url: string;
  sha256: string;
  archive: BinaryArchive;
}

const FFMPEG = 'https://github.com/eugeneware/ffmpeg-static/releases/download/b6.1.1';
const PIPER = 'https://github.com/rhasspy/piper/releases/download/2023.11.14-2';

export const BINARY_MANIFEST: Record<string, BinarySource[]> = {
  'linux-x64': [
    { name: 'ffmpeg', url: `${FFMPEG}/ffmpeg-linux-x64.gz`, sha256: 'bfe8a8fc511530457b528c48d77b5737527b504a3797a9bc4866aeca69c2dffa', archive: 'gzip' },
    { name: 'ffprobe', url: `${FFMPEG}/ffprobe-linux-x64.gz`, sha256: '25d9b6ccb05e3d9de9e04e31e2506d8dd7f9f0418981965ac6df12e8d3afd067', archive: 'gzip' },
    { name: 'piper', url: `${PIPER}/piper_linux_x86_64.tar.gz`, sha256: 'a50cb45f355b7af1f6d758c1b360717877ba0a398cc8cbe6d2a7a3a26e225992', archive: 'tar.gz' },
  ],
  'linux-arm64': [
    { name: 'ffmpeg', url: `${FFMPEG}/ffmpeg-linux-arm64.gz`, sha256: '754a678672298bc68156adff58aa7385a592c2b30b1d0ae8750c45c915c4bac0', archive: 'gzip' },
    { name: 'ffprobe', url: `${FFMPEG}/ffprobe-linux-arm64.gz`, sha256: '2ab6aba60ee84412dff9188720703376cb4e7aaf7e0b5e43aa8249f2acae5bf8', archive: 'gzip' },
    { name: 'piper', url: `${PIPER}/piper_linux_aarch64.tar.gz`, sha256: 'fea0fd2d87c54dbc7078d0f878289f404bd4d6eea6e7444a77835d1537ab88eb', archive: 'tar.gz' },
  ],
  'darwin-x64': [
    { name: 'ffmpeg', url: `${FFMPEG}/ffmpeg-darwin-x64.gz`, sha256: '929b375c1182d956c51f7ac25e0b2b0411fb01f6f407aa15c9758efeb4242106', archive: 'gzip' },
    { name: 'ffprobe', url: `${FFMPEG}/ffprobe-darwin-x64.gz`, sha256: 'd4da574d6e2e197bd259b47d69cf262df9e312af24ad960444f6d806d3d4c186', archive: 'gzip' },
  ],
  'darwin-arm64': [
    { name: 'ffmpeg', url: `${FFMPEG}/ffmpeg-darwin-arm64.gz`, sha256: '8923876afa8db5585022d7860ec7e589af192f441c56793971276d450ed3bbfa', archive: 'gzip' },
    { name: 'ffprobe', url: `${FFMPEG}/ffprobe-darwin-arm64.gz`, sha256: 'd986a8ec7b030899fe66a8a288ed809a3543338705a3ce178cfb85869c5d80be', archive: 'gzip' },
  ],
  'win32-x64': [
    { name: 'ffmpeg', url: `${FFMPEG}/ffmpeg-win32-x64.gz`, sha256: '8883a3dffbd0a16cf4ef95206ea05283f78908dbfb118f73c83f4951dcc06d77', archive: 'gzip' },
    { name: 'ffprobe', url: `${FFMPEG}/ffprobe-win32-x64.gz`, sha256: 'f309e6223ad89d2fe54bccd420a7709b66fd27540674e92309578ed491a43c8d', archive: 'gzip' },
  ],
};
