/**
 * Streamed answers cut into messages (pure, incremental): server-sent events for OpenAI-compatible
 * APIs (`data: {...}` lines, `data: [DONE]` at the end) and newline-delimited JSON for Ollama. Bytes
 * arrive in arbitrary pieces: a line split across two chunks is kept until its end arrives.
 */
export class LineSplitter {
  private rest = '';
  private readonly decoder = new TextDecoder();

  /** Whole lines completed by this chunk (without their line breaks). */
  push(chunk: Uint8Array): string[] {
    this.rest += this.decoder.decode(chunk, { stream: true });
    const lines = this.rest.split(/\r?\n/);
    this.rest = lines.pop() ?? '';
    return lines;
  }

  /** Whatever is left when the stream ends (a last line without a line break). */
  end(): string[] {
    const last = this.rest + this.decoder.decode();
    this.rest = '';
    return last.trim() ? [last] : [];
  }
}

/** The payload of one SSE line: a JSON string, 'done' for [DONE], or null for comments, blanks and other fields. */
export function sseData(line: string): string | 'done' | null {
  if (!line.startsWith('data:')) return null;
  const data = line.slice(5).trim();
  if (data === '[DONE]') return 'done';
  return data || null;
}
