/**
 * Deterministic corpus of broken (and some deliberately still-valid) variants of the official examples.
 * Generic mutations hit arbitrary nodes; targeted ones aim at the tricky parts of the schemas
 * (server-type conditionals, logicalTypeOptions, quality rule types, relationships).
 */
import type { Standard, ReferenceExample } from './reference';
import { odcsTargetedMutations, serverCatalogMutations } from './odcs-mutations';
import {
  allNodes, deleteAt, formatPath, getAt, isObject, jsonType, lastKey, pick, sample, seededRandom, setAt,
  type Json, type JsonNode, type JsonObject, type PathSegment,
} from './json-tree';

export interface Mutation {
  id: string;
  standard: Standard;
  file: string;
  kind: string;
  path: PathSegment[];
  detail: string;
  /** Labels used by the divergence table, e.g. `exasol`. */
  tags: string[];
  document: Json;
}

export type MutationBuilder = (kind: string, path: PathSegment[], detail: string, edit: (doc: Json) => void, tags?: string[]) => void;

const SEED = 0xda7515;
const PER_KIND = 12;
const EXHAUSTIVE_LIMIT = 150;

const ENUM_KEYS = new Set(['apiVersion', 'kind', 'type', 'logicalType', 'dimension', 'metric', 'format']);
const FORMATTED_KEYS = new Set([
  'dateIn', 'dateOut', 'contractCreatedTs', 'productCreatedTs', 'url', 'location', 'invitationUrl', 'endpointUrl', 'stagingDir', 'id', 'from', 'to',
]);

/** A value of a different JSON type than `v`. */
function otherType(v: Json, random: () => number): Json {
  const candidates: Json[] = ['a string', 42, true, null, { unexpected: 1 }, ['x']];
  return pick(candidates.filter((c) => jsonType(c) !== jsonType(v) && !(jsonType(v) === 'number' && typeof c === 'number')), random);
}

/** Object where an array was expected and vice versa. */
function renested(v: Json): Json {
  if (Array.isArray(v)) {
    const first = v[0];
    if (isObject(first)) return first;
    return Object.fromEntries(v.map((item, i) => [`item${i}`, item]));
  }
  return [v];
}

function genericMutations(example: ReferenceExample, add: MutationBuilder, random: () => number): void {
  const nodes = allNodes(example.document as Json);
  const nonRoot = nodes.filter((n) => n.path.length > 0);
  const objects = nodes.filter((n) => isObject(n.value));
  const containers = nonRoot.filter((n) => isObject(n.value) || Array.isArray(n.value));
  const keyed = nonRoot.filter((n) => typeof lastKey(n.path) === 'string');

  for (const n of sample(nonRoot, PER_KIND, random)) {
    const replacement = otherType(n.value, random);
    add('wrong-type', n.path, `${jsonType(n.value)} -> ${jsonType(replacement)}`, (d) => setAt(d, n.path, replacement));
  }
  for (const n of sample(objects, PER_KIND, random)) {
    add('unknown-key', n.path, 'add unexpectedKey', (d) => {
      const target = n.path.length ? getAt(d, n.path) : d;
      if (isObject(target)) target.unexpectedKey = 'surprise';
    });
  }
  // Small documents get every key removed once (that is how required keys deep down get covered); large ones a sample.
  const removable = keyed.length <= EXHAUSTIVE_LIMIT ? keyed : sample(keyed, PER_KIND, random);
  for (const n of removable) {
    add('missing-key', n.path, `delete ${String(lastKey(n.path))}`, (d) => deleteAt(d, n.path));
  }
  for (const n of sample(containers, PER_KIND, random)) {
    add('wrong-nesting', n.path, `${jsonType(n.value)} re-nested`, (d) => setAt(d, n.path, renested(n.value)));
  }
  const enumNodes = keyed.filter((n) => ENUM_KEYS.has(String(lastKey(n.path))) && typeof n.value === 'string');
  for (const n of sample(enumNodes, PER_KIND, random)) {
    const value = n.value as string;
    const bad = random() < 0.5 ? `${value}Unknown` : value.toUpperCase() === value ? value.toLowerCase() + 'x' : value.toUpperCase();
    add('bad-enum', n.path, `${value} -> ${bad}`, (d) => setAt(d, n.path, bad));
  }
  const formatted = keyed.filter((n) => FORMATTED_KEYS.has(String(lastKey(n.path))) && typeof n.value === 'string');
  for (const n of sample(formatted, PER_KIND, random)) {
    add('bad-format', n.path, 'not a valid value', (d) => setAt(d, n.path, 'not a valid value!'));
  }
  const numbers = keyed.filter((n) => typeof n.value === 'number');
  for (const n of sample(numbers, PER_KIND / 2, random)) {
    add('number-edge', n.path, 'fraction', (d) => setAt(d, n.path, (n.value as number) + 0.5));
    add('number-edge', n.path, 'negative', (d) => setAt(d, n.path, -Math.abs(n.value as number) - 1));
  }
}

/** Mutations every example gets regardless of its content, so both standards exercise the header keys. */
function headerMutations(example: ReferenceExample, add: MutationBuilder): void {
  const versions =
    example.standard === 'odcs'
      ? ['v3.1.0', 'v3.0.2', 'v3.0.1', 'v3.0.0', 'v2.2.2', 'v2.2.1', 'v2.2.0', 'v3.2.0', 'v4.0.0', '3.1.0']
      : ['v1.0.0', 'v0.9.0', 'v1.1.0', '1.0.0'];
  for (const v of versions) add('api-version', ['apiVersion'], v, (d) => setAt(d, ['apiVersion'], v));
  const kind = example.standard === 'odcs' ? 'DataProduct' : 'DataContract';
  add('kind', ['kind'], kind, (d) => setAt(d, ['kind'], kind));
}

/**
 * @param officialOdcs the official ODCS schema; its server catalogue drives the `server-catalog` mutations,
 *   which are applied to the first ODCS example only (they do not depend on the document's content).
 */
export function buildMutationCorpus(examples: readonly ReferenceExample[], officialOdcs: JsonObject): Mutation[] {
  const random = seededRandom(SEED);
  const out: Mutation[] = [];
  let catalogueDone = false;
  for (const example of examples) {
    const add: MutationBuilder = (kind, path, detail, edit, tags = []) => {
      const document = structuredClone(example.document) as Json;
      edit(document);
      const id = `${example.standard}/${example.file} ${kind} ${formatPath(path)} (${detail})`;
      out.push({ id, standard: example.standard, file: example.file, kind, path, detail, tags, document });
    };
    headerMutations(example, add);
    genericMutations(example, add, random);
    if (example.standard === 'odcs') odcsTargetedMutations(example.document as Json, add, random);
    if (example.standard === 'odcs' && !catalogueDone) {
      serverCatalogMutations(officialOdcs, add);
      catalogueDone = true;
    }
  }
  return out;
}

export type { JsonNode };
