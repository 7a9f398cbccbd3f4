/**
 * Walks a JSON Schema and reports documentation gaps: properties without markdownDescription/description
 * or YAML example, enums without matching enumDescriptions, and YAML examples that do not parse.
 */
import YAML from 'yaml';
import { isObject, type Json, type JsonObject } from './json-tree';

export interface DocIssue {
  pointer: string;
  problem: string;
}

export interface AttachedSnippet {
  pointer: string;
  label: string;
  body: Json;
}

const SUBSCHEMA_MAPS = ['properties', '$defs', 'patternProperties'];
const SUBSCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMA_SINGLE = ['items', 'additionalProperties', 'then', 'else', 'propertyNames', 'unevaluatedProperties'];
/** Conditions are constraints, not documentation: nothing inside them is shown to authors. */
const CONDITION_KEYS = ['if', 'not'];

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function resolveLocal(root: JsonObject, node: JsonObject): JsonObject {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let cur: Json | undefined = root;
  for (const part of ref.slice(2).split('/')) cur = isObject(cur) ? cur[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isObject(cur) ? cur : node;
}

export function yamlBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```yaml\n([\s\S]*?)\n```/g)].map((m) => m[1] as string);
}

/** Visits every subschema with its JSON pointer; `inCondition` is true below `if`/`not`. */
export function walkSchema(root: JsonObject, visit: (node: JsonObject, pointer: string, inCondition: boolean, parentMap?: string) => void): void {
  const go = (node: Json, pointer: string, inCondition: boolean, parentMap?: string): void => {
    if (!isObject(node)) return;
    visit(node, pointer, inCondition, parentMap);
    for (const key of SUBSCHEMA_MAPS) {
      const map = node[key];
      if (isObject(map)) for (const [k, v] of Object.entries(map)) go(v, `${pointer}/${key}/${escape(k)}`, inCondition, key);
    }
    for (const key of SUBSCHEMA_ARRAYS) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((v, i) => go(v, `${pointer}/${key}/${i}`, inCondition));
    }
    for (const key of SUBSCHEMA_SINGLE) go(node[key] as Json, `${pointer}/${key}`, inCondition);
    for (const key of CONDITION_KEYS) go(node[key] as Json, `${pointer}/${key}`, true);
  };
  go(root, '', false);
}

export function documentationIssues(root: JsonObject): DocIssue[] {
  const issues: DocIssue[] = [];
  walkSchema(root, (node, pointer, inCondition, parentMap) => {
    if (inCondition) return;
    if (parentMap === 'properties') {
      const documented = node.markdownDescription !== undefined ? node : resolveLocal(root, node);
      const md = documented.markdownDescription;
      const plain = documented.description;
      if (typeof md !== 'string' || md.trim() === '') issues.push({ pointer, problem: 'property without markdownDescription' });
      else if (yamlBlocks(md).length === 0) issues.push({ pointer, problem: 'markdownDescription without a ```yaml example' });
      if (typeof plain !== 'string' || plain.trim() === '') issues.push({ pointer, problem: 'property without description' });
      else if (plain.includes('\n')) issues.push({ pointer, problem: 'description is not a single line' });
    }
    if (Array.isArray(node.enum)) {
      const docs = node.enumDescriptions;
      if (!Array.isArray(docs) || docs.length !== node.enum.length) issues.push({ pointer, problem: `enum of ${node.enum.length} without matching enumDescriptions` });
    }
    if (typeof node.markdownDescription === 'string') {
      for (const block of yamlBlocks(node.markdownDescription)) {
        const parsed = YAML.parseDocument(block);
        if (parsed.errors.length) issues.push({ pointer, problem: `YAML example does not parse: ${parsed.errors[0]?.message}` });
      }
    }
  });
  return issues;
}

export function attachedSnippets(root: JsonObject): AttachedSnippet[] {
  const out: AttachedSnippet[] = [];
  walkSchema(root, (node, pointer) => {
    if (!Array.isArray(node.defaultSnippets)) return;
    for (const s of node.defaultSnippets) if (isObject(s)) out.push({ pointer, label: String(s.label), body: s.body ?? null });
  });
  return out;
}

/**
 * What VS Code would insert if the user accepted every default: `${1:x}` -> x, `${1|a,b|}` -> a, `${1}` -> '',
 * and a leading `^` marks a raw (non-string) JSON value.
 */
export function expandSnippetBody(body: Json): Json {
  if (Array.isArray(body)) return body.map(expandSnippetBody);
  if (isObject(body)) return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, expandSnippetBody(v)]));
  if (typeof body !== 'string') return body;
  const text = body
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+\}/g, '');
  return text.startsWith('^') ? (JSON.parse(text.slice(1)) as Json) : text;
}

/** Every string value anywhere in a JSON tree (keys excluded). */
export function allStrings(node: Json, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((v) => allStrings(v, out));
  else if (isObject(node)) Object.values(node).forEach((v) => allStrings(v, out));
  return out;
}

/** Every string held by a `description` key anywhere in a JSON tree. */
export function descriptionStrings(node: Json, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((v) => descriptionStrings(v, out));
  else if (isObject(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptionStrings(v, out);
    }
  }
  return out;
}
