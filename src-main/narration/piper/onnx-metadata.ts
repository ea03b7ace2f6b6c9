/**
 * Piper voices and sherpa-onnx: sherpa reads a voice's settings from the ONNX model's metadata
 * (`comment=piper`, `sample_rate`, `n_speakers`, `language`, `voice`), which the voices on the hub do
 * not carry. Protobuf lets repeated fields be appended anywhere, so entries of ModelProto's
 * `metadata_props` (field 14) are appended to the end of the file without decoding a 60 MB model.
 * Pure byte functions; the voice manager writes the result.
 */
function varint(value: number): Buffer {
  const bytes: number[] = [];
  let v = value;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

function lengthDelimited(field: number, payload: Buffer): Buffer {
  return Buffer.concat([varint((field << 3) | 2), varint(payload.length), payload]);
}

/** The bytes to append to a ModelProto so it carries these metadata_props entries. */
export function metadataPropsBytes(entries: Record<string, string>): Buffer {
  return Buffer.concat(
    Object.entries(entries).map(([key, value]) =>
      lengthDelimited(14, Buffer.concat([lengthDelimited(1, Buffer.from(key, 'utf8')), lengthDelimited(2, Buffer.from(value, 'utf8'))])),
    ),
  );
}

/** The metadata sherpa-onnx needs to run a Piper voice. */
export function piperMetadata(input: { sampleRate: number; speakers: number; language: string; espeakVoice: string }): Record<string, string> {
  return {
    comment: 'piper',
    model_type: 'vits',
    sample_rate: String(input.sampleRate),
    n_speakers: String(input.speakers),
    add_blank: '0',
    language: input.language,
    voice: input.espeakVoice,
  };
}

/** tokens.txt for sherpa-onnx: `<symbol> <id>` a line, from the voice's phoneme_id_map. */
export function tokensFile(phonemeIdMap: Record<string, number[]>): string {
  const lines: string[] = [];
  for (const [symbol, ids] of Object.entries(phonemeIdMap)) {
    for (const id of ids) lines.push(`${symbol} ${id}`);
  }
  return `${lines.join('\n')}\n`;
}
