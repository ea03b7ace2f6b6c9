/**
 * Writes a tiny Piper-signature test voice (`<name>.onnx` + `<name>.onnx.json`, ~2 KB) into a folder,
 * at test time (never committed). Same interface as a real Piper VITS voice: inputs `input` int64
 * [1,N], `input_lengths` int64 [1], `scales` float32 [3]; output `output` float32 [1,1,1,T]. Each
 * phoneme id becomes a HOP-sample tone of 100 + 8·id Hz, and the whole signal is resized along time
 * by scales[1] (length_scale), so the audio is deterministic and its length follows length_scale.
 * HOP is 40 ms, which makes the voice speak at a human-like ~170 words per minute at length_scale 1.
 *
 *   node bin/run-ts.mjs scripts/voices/make-test-voice.ts <dir> [name] [espeak-voice]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

const { onnx } = onnxProto;

export interface TestVoiceOptions {
  /** File name without extension, e.g. en_US-test-medium. */
  name?: string;
  /** espeak-ng voice, e.g. en-us, es. */
  espeakVoice?: string;
  sampleRate?: number;
  /** Symbols left out of phoneme_id_map (to test a voice whose map lacks a symbol). */
  omitSymbols?: string[];
  /** Write the ONNX metadata sherpa-onnx needs (the voice manager adds it to real voices). */
  withMetadata?: boolean;
  /**
   * For the benchmark: `layers` MatMuls of width `width` per phoneme id, multiplied by 0 and added to
   * the output, so inference costs about what a real VITS voice costs while the audio stays the same.
   */
  load?: { layers: number; width: number };
  /** Speaker names of a multi-speaker voice (adds the `sid` input; each speaker is 50 Hz higher). */
  speakers?: string[];
}

const IPA_EXTRA = 'æçðøħŋœβθχᵻⱱ';

/** Every single-codepoint symbol a Piper voice maps: specials, printable ASCII, IPA and modifiers. */
export function testPhonemeMap(omit: string[] = []): Record<string, number[]> {
  const symbols = ['_', '^', '$', ' '];
  for (let c = 0x21; c <= 0x7e; c++) symbols.push(String.fromCodePoint(c));
  for (let c = 0x250; c <= 0x36f; c++) symbols.push(String.fromCodePoint(c));
  symbols.push(...IPA_EXTRA);
  const map: Record<string, number[]> = {};
  let next = 0;
  for (const s of symbols) {
    if (s in map) continue;
    const id = next++;
    if (!omit.includes(s)) map[s] = [id];
  }
  return map;
}

function tensor(name: string, dataType: number, dims: number[], values: { float?: number[]; int64?: number[] }): OnnxTypes.ITensorProto {
  const t: OnnxTypes.ITensorProto = { name, dataType, dims };
  if (values.float) t.floatData = values.float;
  if (values.int64) t.int64Data = values.int64;
  return t;
}

function valueInfo(name: string, elemType: number, dims: (number | string)[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: { tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } },
  };
}

export function testVoiceModel(sampleRate: number, metadata: Record<string, string> | null, load?: { layers: number; width: number }, speakers = 1): Buffer {
  const FLOAT = onnx.TensorProto.DataType.FLOAT;
  const INT64 = onnx.TensorProto.DataType.INT64;
  const attrInt = onnx.AttributeProto.AttributeType.INT;
  const hop = Math.round(sampleRate * 0.04);
  const time = Array.from({ length: hop }, (_, k) => (2 * Math.PI * k) / sampleRate);
  const node = (opType: string, input: string[], output: string[], attribute: OnnxTypes.IAttributeProto[] = []): OnnxTypes.INodeProto => ({ opType, input, output, attribute, name: output[0] });
  const graph: OnnxTypes.IGraphProto = {
    name: 'piper-test-voice',
    initializer: [
      tensor('freq_mul', FLOAT, [], { float: [8] }),
      tensor('freq_add', FLOAT, [], { float: [100] }),
      tensor('time', FLOAT, [hop], { float: time }),
      tensor('amp', FLOAT, [], { float: [0.5] }),
      tensor('axes2', INT64, [1], { int64: [2] }),
      tensor('out_shape', INT64, [4], { int64: [1, 1, 1, -1] }),
      tensor('s_start', INT64, [1], { int64: [1] }),
      tensor('s_end', INT64, [1], { int64: [2] }),
      tensor('ones3', FLOAT, [3], { float: [1, 1, 1] }),
      tensor('roi', FLOAT, [0], { float: [] }),
    ],
    node: [
      node('Cast', ['input'], ['ids_f'], [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: FLOAT }]),
      node('Unsqueeze', ['ids_f', 'axes2'], ['ids_3d']),
      node('Mul', ['ids_3d', 'freq_mul'], ['f1']),
      node('Add', ['f1', 'freq_add'], ['freq']),
      node('Mul', ['freq', 'time'], ['phase']),
      node('Sin', ['phase'], ['wave']),
      node('Mul', ['wave', 'amp'], ['wave_a']),
      node('Reshape', ['wave_a', 'out_shape'], ['raw']),
      node('Slice', ['scales', 's_start', 's_end'], ['length_scale']),
      node('Concat', ['ones3', 'length_scale'], ['resize_scales'], [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }]),
      node('Resize', ['raw', 'roi', 'resize_scales'], ['output'], [{ name: 'mode', type: onnx.AttributeProto.AttributeType.STRING, s: Buffer.from('nearest') }]),
    ],
    input: [valueInfo('input', INT64, [1, 'N']), valueInfo('input_lengths', INT64, [1]), valueInfo('scales', FLOAT, [3])],
    output: [valueInfo('output', FLOAT, [1, 1, 1, 'T'])],
  };
  if (speakers > 1) {
    // freq += 50 · sid: each speaker of a multi-speaker voice sounds different
    graph.input!.push(valueInfo('sid', INT64, [1]));
    graph.initializer!.push(tensor('sid_hz', FLOAT, [], { float: [50] }));
    const nodes = graph.node!;
    const at = nodes.findIndex((n) => n.output?.[0] === 'freq');
    nodes[at] = node('Add', ['f1', 'freq_add'], ['freq0']);
    nodes.splice(at + 1, 0, node('Cast', ['sid'], ['sid_f'], [{ name: 'to', type: attrInt, i: FLOAT }]), node('Mul', ['sid_f', 'sid_hz'], ['sid_add']), node('Add', ['freq0', 'sid_add'], ['freq']));
  }
  if (load && load.layers > 0) {
    const w = load.width;
    let seed = 1;
    const random = (n: number) => Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) / Math.sqrt(w));
    graph.initializer!.push(tensor('load_in', FLOAT, [1, w], { float: random(w) }), tensor('load_shape', INT64, [2], { int64: [-1, 1] }), tensor('zero', FLOAT, [], { float: [0] }));
    const nodes = graph.node!;
    const last = nodes.pop()!; // Resize, re-added after the load branch
    nodes.push(node('Reshape', ['ids_f', 'load_shape'], ['load_col']), node('MatMul', ['load_col', 'load_in'], ['load_0']));
    // one shared weight keeps the file small while every layer still costs w² per id
    graph.initializer!.push({ name: 'load_w', dataType: FLOAT, dims: [w, w], rawData: Buffer.from(Float32Array.from(random(w * w)).buffer) });
    for (let i = 1; i <= load.layers; i++) {
      nodes.push(node('MatMul', [`load_${i - 1}`, 'load_w'], [`load_m${i}`]), node('Tanh', [`load_m${i}`], [`load_${i}`]));
    }
    nodes.push(node('ReduceSum', [`load_${load.layers}`], ['load_sum'], [{ name: 'keepdims', type: attrInt, i: 0 }]), node('Mul', ['load_sum', 'zero'], ['load_zero']));
    last.output = ['resized'];
    last.name = 'resized';
    nodes.push(last, node('Add', ['resized', 'load_zero'], ['output']));
  }
  const model: OnnxTypes.IModelProto = {
    irVersion: 7,
    producerName: 'whatif-test-voice',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
    metadataProps: metadata ? Object.entries(metadata).map(([key, value]) => ({ key, value })) : [],
  };
  return Buffer.from(onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish());
}

/** Writes the pair and returns the .onnx path. */
export function makeTestVoice(dir: string, options: TestVoiceOptions = {}): string {
  const name = options.name ?? 'en_US-test-medium';
  const espeakVoice = options.espeakVoice ?? 'en-us';
  const sampleRate = options.sampleRate ?? 22050;
  const [langCode = 'en_US'] = name.split('-');
  fs.mkdirSync(dir, { recursive: true });
  const speakers = options.speakers ?? [];
  const metadata = options.withMetadata ? { comment: 'piper', sample_rate: String(sampleRate), n_speakers: String(Math.max(1, speakers.length)), language: langCode, voice: espeakVoice } : null;
  const onnxFile = path.join(dir, `${name}.onnx`);
  fs.writeFileSync(onnxFile, testVoiceModel(sampleRate, metadata, options.load, Math.max(1, speakers.length)));
  const config = {
    dataset: name,
    audio: { sample_rate: sampleRate, quality: name.split('-')[2] ?? 'medium' },
    espeak: { voice: espeakVoice },
    language: { code: langCode, family: langCode.split('_')[0], region: langCode.split('_')[1] ?? '' },
    inference: { noise_scale: 0.667, length_scale: 1, noise_w: 0.8 },
    phoneme_type: 'espeak',
    phoneme_map: {},
    phoneme_id_map: testPhonemeMap(options.omitSymbols),
    num_symbols: 256,
    num_speakers: Math.max(1, speakers.length),
    speaker_id_map: Object.fromEntries(speakers.map((name, i) => [name, i])),
    piper_version: '1.0.0',
  };
  fs.writeFileSync(`${onnxFile}.json`, JSON.stringify(config, null, 2));
  return onnxFile;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, name, voice] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bin/run-ts.mjs scripts/voices/make-test-voice.ts <dir> [name] [espeak-voice]');
    process.exit(2);
  }
  console.log(makeTestVoice(dir, { ...(name ? { name } : {}), ...(voice ? { espeakVoice: voice } : {}) }));
}
