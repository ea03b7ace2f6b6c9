/**
 * Reading JSON out of a language model's reply (pure). Models wrap JSON in ``` fences or a sentence of
 * prose, and a stream may stop half-way; `extractJson` finds the object and says precisely what is
 * wrong when it cannot (the repair round quotes it), `closePartialJson` completes a half-received
 * object so a draft can be shown while the rest streams in.
 */
export type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

export function extractJson(reply: string): JsonRead {
  const text = reply.trim();
  if (!text) return { ok: false, error: 'the answer was empty' };
  const fenced = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(text);
  const body = fenced ? fenced[1]!.trim() : text;
  const start = body.indexOf('{');
  if (start < 0) return { ok: false, error: `the answer is not JSON (it starts "${body.slice(0, 60)}")` };
  const end = body.lastIndexOf('}');
  const candidate = end > start ? body.slice(start, end + 1) : body.slice(start);
  try {
    return { ok: true, value: JSON.parse(candidate) };
  } catch (error) {
    const closed = closePartialJson(candidate);
    const truncated = closed !== candidate;
    const message = (error as Error).message.replace(/^JSON\.parse: /, '');
    return { ok: false, error: truncated ? `the JSON is cut off before its end (${message})` : `the JSON is malformed (${message})` };
  }
}

/**
 * Closes whatever is open at the end of a JSON prefix (a string, arrays, objects), dropping a dangling
 * key or comma, so JSON.parse can read the part received so far. Returns the text unchanged when
 * nothing is open.
 */
export function closePartialJson(prefix: string): string {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of prefix) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') stack.push(ch === '{' ? '}' : ']');
    else if ((ch === '}' || ch === ']') && stack.length) stack.pop();
  }
  if (!inString && stack.length === 0) return prefix;
  let out = prefix;
  if (inString) out = (escaped ? out.slice(0, -1) : out) + '"';
  // A number or literal cut in the middle ("12.", "-", "tru"): keep the digits, drop the rest.
  else out = out.replace(/(\d)[.eE+-]+$/, '$1').replace(/([:,[]\s*)(-|t(r(u)?)?|f(a(l(s)?)?)?|n(u(l)?)?)$/, '$1');
  // A value cut before it began ("key": ) or a trailing comma / bare key cannot be closed: drop it.
  out = out.replace(/,\s*$/, '').replace(/,?\s*"[^"]*"\s*:\s*$/, '').replace(/,\s*"[^"]*"\s*$/, (m) => (stack[stack.length - 1] === '}' ? '' : m));
  out = out.replace(/(\{|\[)\s*"[^"]*"\s*$/, (m, open: string) => (open === '{' ? '{' : m));
  for (let i = stack.length - 1; i >= 0; i--) out += stack[i];
  return out;
}

/** The draft of a script received so far, or null when nothing readable arrived yet. */
export function parsePartialObject(prefix: string): Record<string, unknown> | null {
  const start = prefix.indexOf('{');
  if (start < 0) return null;
  try {
    const value = JSON.parse(closePartialJson(prefix.slice(start))) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
