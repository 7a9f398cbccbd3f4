/** Small helpers to walk and edit plain JSON trees by path, plus a seeded PRNG for reproducible sampling. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type PathSegment = string | number;

export interface JsonNode {
  path: PathSegment[];
  value: Json;
}

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every node of the tree, root first, in document order. */
export function allNodes(root: Json): JsonNode[] {
  const out: JsonNode[] = [];
  const visit = (value: Json, path: PathSegment[]): void => {
    out.push({ path, value });
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (isObject(value)) for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(root, []);
  return out;
}

export function getAt(root: Json, path: readonly PathSegment[]): Json | undefined {
  let cur: Json | undefined = root;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObject(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** Replaces the node at `path` (the root cannot be replaced). */
export function setAt(root: Json, path: readonly PathSegment[], value: Json): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isObject(parent) && typeof last === 'string') parent[last] = value;
  else throw new Error(`cannot set ${formatPath(path)}`);
}

export function deleteAt(root: Json, path: readonly PathSegment[]): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObject(parent) && typeof last === 'string') delete parent[last];
  else throw new Error(`cannot delete ${formatPath(path)}`);
}

export const formatPath = (path: readonly PathSegment[]): string =>
  path.length === 0 ? '/' : path.map((s) => (typeof s === 'number' ? `[${s}]` : `/${s}`)).join('');

export const lastKey = (path: readonly PathSegment[]): PathSegment | undefined => path[path.length - 1];

export function jsonType(v: Json): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as 'boolean' | 'number' | 'string' | 'object';
}

/** mulberry32: tiny, fast, good enough to sample mutation targets reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic sample of at most `count` items (Fisher-Yates on a copy). */
export function sample<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

export const pick = <T>(items: readonly T[], random: () => number): T => items[Math.floor(random() * items.length)] as T;
