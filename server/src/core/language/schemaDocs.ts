/**
 * Reads what an author needs to know about one location out of its schema nodes: the prose, the type, the allowed
 * values with their explanations, defaults, examples and snippets. Completion, hover and the outline all present
 * the same facts, so they are collected here once.
 */
import { isSchemaObject, type JsonSchema } from './schemaMatch';

export interface EnumValue {
  readonly value: string | number | boolean | null;
  readonly description: string | undefined;
}

export interface DefaultSnippet {
  readonly label: string;
  readonly description: string | undefined;
  /** A JSON value whose strings may hold snippet placeholders (`${1:name}`), or YAML text in `bodyText`. */
  readonly body: unknown;
  readonly bodyText: string | undefined;
}

export interface LocationDocs {
  /** Markdown (our schemas carry `markdownDescription`; plain `description` is the fallback). */
  readonly markdown: string | undefined;
  /** Distinct JSON types allowed here, e.g. `['string']` or `['object']`. */
  readonly types: readonly string[];
  readonly enumValues: readonly EnumValue[];
  readonly defaultValue: unknown;
  readonly examples: readonly unknown[];
  readonly deprecated: string | undefined;
  readonly snippets: readonly DefaultSnippet[];
}

/**
 * @param raw the nodes written at the location (their own prose wins over a `$ref` target's)
 * @param facets everything that applies there, from `SchemaNavigator.applicable`
 */
export function describeLocation(raw: readonly JsonSchema[], facets: readonly JsonSchema[]): LocationDocs {
  const ordered = [...raw, ...facets.filter((facet) => !raw.includes(facet))];
  let markdown: string | undefined;
  let plain: string | undefined;
  let deprecated: string | undefined;
  let defaultValue: unknown;
  const types = new Set<string>();
  const enumValues = new Map<string, EnumValue>();
  const examples: unknown[] = [];
  const snippets: DefaultSnippet[] = [];
  for (const node of ordered) {
    if (markdown === undefined && typeof node.markdownDescription === 'string') markdown = node.markdownDescription;
    if (plain === undefined && typeof node.description === 'string') plain = node.description;
    if (deprecated === undefined && (node.deprecated === true || typeof node.deprecationMessage === 'string')) {
      deprecated = typeof node.deprecationMessage === 'string' ? node.deprecationMessage : 'Deprecated.';
    }
    if (defaultValue === undefined && node.default !== undefined) defaultValue = node.default;
  }
  for (const node of facets) {
    if (typeof node.type === 'string') types.add(node.type);
    else if (Array.isArray(node.type)) for (const type of node.type) if (typeof type === 'string') types.add(type);
    collectEnum(node, enumValues);
    if (Array.isArray(node.examples)) for (const example of node.examples) if (!examples.includes(example)) examples.push(example);
    collectSnippets(node, snippets);
  }
  if (!types.size) for (const { value } of enumValues.values()) types.add(value === null ? 'null' : typeof value);
  return { markdown: markdown ?? plain, types: [...types], enumValues: [...enumValues.values()], defaultValue, examples, deprecated, snippets };
}

/** A short type label for completion details, e.g. `string`, `array`, `enum`. */
export function typeLabel(docs: LocationDocs): string {
  if (docs.enumValues.length) return docs.types.length ? `${docs.types.join(' | ')} (enum)` : 'enum';
  return docs.types.join(' | ') || 'any';
}

function collectEnum(node: JsonSchema, into: Map<string, EnumValue>): void {
  const descriptions = Array.isArray(node.markdownEnumDescriptions) ? node.markdownEnumDescriptions
    : Array.isArray(node.enumDescriptions) ? node.enumDescriptions : [];
  const add = (value: unknown, description: unknown): void => {
    if (value !== null && typeof value === 'object') return;
    const key = JSON.stringify(value);
    const existing = into.get(key);
    const text = typeof description === 'string' ? description : undefined;
    if (!existing || (!existing.description && text)) into.set(key, { value: value as EnumValue['value'], description: text ?? existing?.description });
  };
  if (Array.isArray(node.enum)) node.enum.forEach((value, index) => add(value, descriptions[index]));
  if ('const' in node) add(node.const, typeof node.description === 'string' ? node.description : undefined);
}

function collectSnippets(node: JsonSchema, into: DefaultSnippet[]): void {
  if (!Array.isArray(node.defaultSnippets)) return;
  for (const snippet of node.defaultSnippets) {
    if (!isSchemaObject(snippet)) continue;
    const label = typeof snippet.label === 'string' ? snippet.label : undefined;
    if (!label || into.some((existing) => existing.label === label)) continue;
    const description = typeof snippet.markdownDescription === 'string' ? snippet.markdownDescription
      : typeof snippet.description === 'string' ? snippet.description : undefined;
    into.push({ label, description, body: snippet.body, bodyText: typeof snippet.bodyText === 'string' ? snippet.bodyText : undefined });
  }
}

/** Markdown for a hover or completion documentation: prose, type, required marker and allowed values. */
export function docsMarkdown(name: string | undefined, docs: LocationDocs, required: boolean): string {
  const heading = [name ? `**${name}**` : undefined, docs.types.length ? `\`${docs.types.join(' | ')}\`` : undefined, required ? 'required' : undefined]
    .filter(Boolean).join(' · ');
  const parts: string[] = [];
  if (heading) parts.push(heading);
  if (docs.deprecated) parts.push(`⚠️ ${docs.deprecated}`);
  if (docs.markdown) parts.push(docs.markdown);
  if (docs.enumValues.length) {
    parts.push('Allowed values:\n\n' + docs.enumValues
      .map((entry) => `- \`${String(entry.value)}\`${entry.description ? ` — ${entry.description}` : ''}`).join('\n'));
  }
  if (docs.defaultValue !== undefined && typeof docs.defaultValue !== 'object') parts.push(`Default: \`${String(docs.defaultValue)}\``);
  return parts.join('\n\n');
}
