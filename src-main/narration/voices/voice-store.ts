/**
 * Installed Piper voices in the data folder (core.paths.voices), one folder per voice:
 *   <id>/model.onnx  (the voice's model + the ONNX metadata sherpa-onnx needs, appended)
 *   <id>/tokens.txt  (from phoneme_id_map)   <id>/voice.onnx.json  (the original config)
 * Adding checks the pair, builds the folder under a temp name, loads it once in the engine, and only
 * then renames it into place: a bad file leaves nothing behind.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { appError, toAppError } from '../../errors.js';
import { metadataPropsBytes, piperMetadata, tokensFile } from '../piper/onnx-metadata.js';
import { describeVoiceName, parsePiperConfig, type PiperConfig } from './piper-config.js';

export interface InstalledVoice {
  id: string;
  dir: string;
  model: string;
  tokens: string;
  config: PiperConfig;
}

export interface PiperVoiceInfo {
  id: string;
  engine: 'piper';
  name: string;
  language: string;
  quality: string;
  sampleRate: number;
  speakers: number;
  /** Names of a multi-speaker voice's speakers (use as piper:<id>#<name>). */
  speakerNames: string[];
  bytes: number;
}

const ONNX_MAGIC_MIN = 16;

export function voiceIdFromFile(file: string): string {
  return path.basename(file).replace(/\.onnx$/i, '').replace(/[^A-Za-z0-9_.-]+/g, '_');
}

export class VoiceStore {
  constructor(readonly root: string) {}

  list(): PiperVoiceInfo[] {
    let names: string[] = [];
    try {
      names = fs.readdirSync(this.root).filter((n) => !n.startsWith('.'));
    } catch {
      return [];
    }
    const out: PiperVoiceInfo[] = [];
    for (const id of names) {
      try {
        out.push(this.describe(this.get(id)));
      } catch {
        // a folder that is not a voice (or a damaged one) is not listed
      }
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  describe(voice: InstalledVoice): PiperVoiceInfo {
    const named = describeVoiceName(voice.id);
    return {
      id: voice.id,
      engine: 'piper',
      name: named.name,
      language: voice.config.language?.code ?? named.language,
      quality: voice.config.audio.quality ?? named.quality,
      sampleRate: voice.config.audio.sample_rate,
      speakers: voice.config.num_speakers,
      speakerNames: Object.keys(voice.config.speaker_id_map ?? {}),
      bytes: fs.statSync(voice.model).size,
    };
  }

  get(id: string): InstalledVoice {
    const dir = path.join(this.root, id);
    if (!/^[A-Za-z0-9_.-]+$/.test(id) || !fs.existsSync(path.join(dir, 'voice.onnx.json'))) {
      throw appError('not_found', 'voice.notInstalled', { voice: id });
    }
    const config = parsePiperConfig(fs.readFileSync(path.join(dir, 'voice.onnx.json'), 'utf8'), `The installed voice ${id}`);
    return { id, dir, model: path.join(dir, 'model.onnx'), tokens: path.join(dir, 'tokens.txt'), config };
  }

  has(id: string): boolean {
    return fs.existsSync(path.join(this.root, id, 'voice.onnx.json'));
  }

  /**
   * Installs `<file>.onnx` + `<file>.onnx.json`. `check` loads the staged voice in the engine (and
   * throws when it cannot); only a voice that loads is renamed into place.
   */
  async add(
    onnxFile: string,
    check: (staged: InstalledVoice) => Promise<void>,
    id = voiceIdFromFile(onnxFile),
    espeakName: (voice: string) => string = (voice) => voice,
  ): Promise<PiperVoiceInfo> {
    const file = path.resolve(onnxFile);
    if (!/\.onnx$/i.test(file)) throw appError('invalid_input', 'voice.notOnnx', { file });
    if (!fs.existsSync(file)) throw appError('not_found', 'voice.fileMissing', { file });
    const configFile = `${file}.json`;
    if (!fs.existsSync(configFile)) throw appError('not_found', 'voice.configMissing', { configFile });
    const config = parsePiperConfig(fs.readFileSync(configFile, 'utf8'), path.basename(configFile));
    const size = fs.statSync(file).size;
    if (size < ONNX_MAGIC_MIN) throw appError('invalid_input', 'voice.tooSmall', { file: path.basename(file), size });
    if (this.has(id)) throw appError('conflict', 'voice.alreadyInstalled', { voice: id });

    fs.mkdirSync(this.root, { recursive: true });
    const staging = path.join(this.root, `.staging-${crypto.randomUUID()}`);
    try {
      fs.mkdirSync(staging);
      const model = path.join(staging, 'model.onnx');
      fs.copyFileSync(file, model);
      const language = config.language?.code ?? describeVoiceName(id).language;
      fs.appendFileSync(model, metadataPropsBytes(piperMetadata({ sampleRate: config.audio.sample_rate, speakers: config.num_speakers, language, espeakVoice: espeakName(config.espeak.voice) })));
      fs.writeFileSync(path.join(staging, 'tokens.txt'), tokensFile(config.phoneme_id_map));
      fs.copyFileSync(configFile, path.join(staging, 'voice.onnx.json'));
      await check({ id, dir: staging, model, tokens: path.join(staging, 'tokens.txt'), config });
      fs.renameSync(staging, path.join(this.root, id));
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw toAppError(error);
    }
    return this.describe(this.get(id));
  }

  remove(id: string): void {
    const voice = this.get(id);
    const trash = path.join(this.root, `.removing-${crypto.randomUUID()}`);
    fs.renameSync(voice.dir, trash);
    fs.rmSync(trash, { recursive: true, force: true });
  }
}
