/**
 * Three-way merge of JSON documents, pure. Used when a job (a finished image, a narration) changed the
 * saved project while the user has unsaved edits: merge(base, theirs, mine) keeps every change the
 * user made since `base` and takes the job's changes everywhere the user did not touch.
 *
 * Rules: a value the user left equal to base takes theirs; a value the job left equal to base keeps
 * mine; plain objects merge key by key; arrays of objects with `id` merge item by item (user's order
 * unless only the job reordered, the job's additions appended, deletions on either side honoured);
 * any other conflict: the user's value wins.
 */

type Json = unknown;

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}

const isPlainObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdArray = (v: Json): v is { id: string }[] => Array.isArray(v) && v.every((x) => isPlainObject(x) && typeof x.id === 'string');

function mergeIdArrays(base: { id: string }[], theirs: { id: string }[], mine: { id: string }[]): { id: string }[] {
  const baseById = new Map(base.map((x) => [x.id, x]));
  const theirsById = new Map(theirs.map((x) => [x.id, x]));
  const mineById = new Map(mine.map((x) => [x.id, x]));
  const mineReordered = !deepEqual(
    mine.map((x) => x.id).filter((id) => baseById.has(id)),
    base.map((x) => x.id).filter((id) => mineById.has(id)),
  );
  // Skeleton order: the user's, unless only the job reordered.
  const skeleton = mineReordered ? mine : [...theirs, ...mine.filter((x) => !baseById.has(x.id) && !theirsById.has(x.id))];
  const out: { id: string }[] = [];
  const seen = new Set<string>();
  for (const item of skeleton) {
    const id = item.id;
    if (seen.has(id)) continue;
    const b = baseById.get(id);
    const t = theirsById.get(id);
    const m = mineById.get(id);
    if (b && !m) continue; // the user deleted it
    if (b && !t) {
      // the job deleted it: honour that unless the user changed it meanwhile
      if (!m || deepEqual(m, b)) continue;
    }
    seen.add(id);
    if (m && t) out.push((b ? merge(b, t, m) : m) as { id: string });
    else out.push((m ?? t)!);
  }
  // Items the job added that the skeleton (the user's order) does not list.
  for (const t of theirs) if (!seen.has(t.id) && !baseById.has(t.id)) {
    seen.add(t.id);
    out.push(t);
  }
  return out;
}

export function merge<T>(base: T, theirs: T, mine: T): T {
  if (deepEqual(mine, base)) return theirs;
  if (deepEqual(theirs, base) || deepEqual(theirs, mine)) return mine;
  if (isPlainObject(base) && isPlainObject(theirs) && isPlainObject(mine)) {
    const out: Record<string, Json> = {};
    const keys = new Set([...Object.keys(base), ...Object.keys(theirs), ...Object.keys(mine)]);
    for (const key of keys) {
      const value = merge(base[key], theirs[key], mine[key]);
      if (value !== undefined) out[key] = value;
    }
    return out as T;
  }
  if (isIdArray(base) && isIdArray(theirs) && isIdArray(mine)) return mergeIdArrays(base, theirs, mine) as T;
  return mine;
}
