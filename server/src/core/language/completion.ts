/**
 * Completion for ODCS contracts and ODPS products: the keys that may still be written in the mapping at the
 * cursor (required first, each with its documentation and a value skeleton fitting its type), the values a
 * location allows (enum members, booleans, examples, defaults), the schema's `defaultSnippets`, and references
 * into the workspace (see `referenceCompletion`).
 */
import type { AnalysisContext } from '../context';
import type { ParsedDescriptor } from '../yaml/parse';
import { completionSite, type CompletionSite, type KeySite, type ValueSite } from './completionSite';
import { editingKind, navigatorFor } from './kindSchemas';
import { referenceCandidates } from './referenceCompletion';
import { describeLocation, docsMarkdown, typeLabel, type DefaultSnippet, type LocationDocs } from './schemaDocs';
import type { ResolvedLocation, SchemaNavigator } from './schemaNavigator';
import { bodyTextLines, escapeChoice, escapeSnippet, placeLines, snippetPreview, yamlLines, yamlScalar } from './snippetText';
import type { CompletionCandidate } from './types';

export function completeAt(parsed: ParsedDescriptor, offset: number, context: AnalysisContext): CompletionCandidate[] {
  const site = completionSite(parsed, offset);
  if (!site) return [];
  const kind = editingKind(parsed, context.uri);
  if (!kind) return site.keys?.path.length === 0 && !site.keys.present.size ? startingSnippets(site, site.keys) : [];
  const navigator = navigatorFor(kind);
  const result: CompletionCandidate[] = [];
  let keys = site.keys;
  let value = site.value;
  if (keys?.startsBlock && isArrayOnly(navigator.resolve(keys.path, parsed.value))) {
    // First line under `key:` of an array: the author is starting its first item.
    const itemPath = [...keys.path, 0];
    value = { path: itemPath, style: 'item', column: keys.column + 2, present: new Set(), prefixDash: true };
    keys = { ...keys, path: itemPath, column: keys.column + 2, present: new Set(), prefixDash: true, startsBlock: false };
  }
  if (keys) {
    const location = navigator.resolve(keys.path, parsed.value);
    result.push(...keyCandidates(navigator, location, keys, site));
    if (!keys.present.size && !value && !keys.keyHasColon) {
      // An empty mapping: the location's own snippets fill it in one go.
      const { column, prefixDash } = keys;
      const docs = describeLocation(location.raw, location.facets);
      result.push(...docs.snippets.map((snippet) => snippetCandidate(snippet, placeSnippet(snippet, column, prefixDash), site)));
    }
  }
  if (value) {
    const location = navigator.resolve(value.path, parsed.value);
    const dash = value.prefixDash ? '- ' : '';
    result.push(...valueCandidates(navigator, location, value, site));
    result.push(...referenceCandidates({
      parsed, kind, path: value.path, prefix: site.prefix, replace: site.replace, inFlow: value.style === 'flow', present: value.present, context,
    }).map((candidate) => ({ ...candidate, insertText: dash + candidate.insertText })));
  }
  return result;
}

function keyCandidates(navigator: SchemaNavigator, location: ResolvedLocation, site: KeySite, whole: CompletionSite): CompletionCandidate[] {
  const result: CompletionCandidate[] = [];
  for (const property of navigator.properties(location)) {
    if (site.present.has(property.name)) continue;
    const child = navigator.at(property.schemas, undefined);
    const docs = describeLocation(property.schemas, child.facets);
    const group = property.required ? '0' : docs.deprecated ? '9' : '1';
    result.push({
      label: property.name,
      kind: 'property',
      detail: typeLabel(docs) + (property.required ? ' · required' : ''),
      documentation: docsMarkdown(property.name, docs, property.required),
      insertText: site.keyHasColon ? property.name : keyInsertText(property.name, docs, site),
      isSnippet: !site.keyHasColon,
      replace: whole.replace,
      sortText: `${group}_${property.name}`,
      filterText: property.name,
      ...(docs.deprecated ? { deprecated: true } : {}),
    });
  }
  return result;
}

/** `key: ` plus a value skeleton that fits the property's type, so the author lands where typing continues. */
function keyInsertText(name: string, docs: LocationDocs, site: KeySite): string {
  const dash = site.prefixDash ? '- ' : '';
  const childIndent = ' '.repeat(site.column + 2);
  const key = `${dash}${escapeSnippet(name)}:`;
  const types = docs.types;
  if (docs.enumValues.length) return `${key} \${1|${docs.enumValues.map((entry) => escapeChoice(yamlScalar(entry.value))).join(',')}|}`;
  if (types.length === 1 && types[0] === 'boolean') return `${key} \${1|true,false|}`;
  if (types.length === 1 && types[0] === 'object') return `${key}\n${childIndent}$0`;
  if (types.length === 1 && types[0] === 'array') return `${key}\n${childIndent}- $0`;
  if (docs.defaultValue !== undefined && typeof docs.defaultValue !== 'object') return `${key} \${1:${escapeSnippet(yamlScalar(docs.defaultValue))}}`;
  return `${key} $0`;
}

function valueCandidates(navigator: SchemaNavigator, location: ResolvedLocation, site: ValueSite, whole: CompletionSite): CompletionCandidate[] {
  const docs = describeLocation(location.raw, location.facets);
  const inFlow = site.style === 'flow';
  const dash = site.prefixDash ? '- ' : '';
  const result: CompletionCandidate[] = [];
  const offered = new Set<string>();
  const scalar = (value: unknown, kind: 'enumMember' | 'value', sortText: string, detail?: string, documentation?: string): void => {
    const label = String(value);
    if (offered.has(label) || site.present.has(label)) return;
    offered.add(label);
    result.push({
      label, kind, insertText: dash + yamlScalar(value, inFlow), isSnippet: false, replace: whole.replace, sortText, filterText: label,
      ...(detail ? { detail } : {}), ...(documentation ? { documentation } : {}),
    });
  };
  docs.enumValues.forEach((entry, index) => scalar(entry.value, 'enumMember', `0_${String(index).padStart(4, '0')}`, undefined, entry.description));
  if (docs.types.includes('boolean')) for (const value of [true, false]) scalar(value, 'value', `1_${value}`);
  if (docs.defaultValue !== undefined && typeof docs.defaultValue !== 'object') scalar(docs.defaultValue, 'value', '2_default', 'default');
  docs.examples.forEach((example, index) => {
    if (example === null || typeof example !== 'object') scalar(example, 'value', `3_${String(index).padStart(4, '0')}`, 'example');
  });
  if (inFlow) return result;
  for (const snippet of docs.snippets) result.push(snippetCandidate(snippet, placeValueSnippet(snippet, site), whole));
  if (site.style === 'inline' && docs.types.includes('array')) {
    // `servers: ` -> offer whole first items, e.g. a PostgreSQL server, on the lines below.
    const item = navigator.child(location, 0);
    for (const snippet of describeLocation(item.raw, item.facets).snippets) {
      const lines = snippetLines(snippet);
      const itemText = `- ${placeLines(lines, site.column + 4)}`;
      result.push(snippetCandidate(snippet, `\n${' '.repeat(site.column + 2)}${itemText}`, whole));
    }
  }
  return result;
}

/** Snippets of an empty document whose kind is not known yet: a contract or a product skeleton. */
function startingSnippets(site: CompletionSite, keys: KeySite): CompletionCandidate[] {
  const result: CompletionCandidate[] = [];
  for (const kind of ['DataContract', 'DataProduct'] as const) {
    const root = navigatorFor(kind).resolve([], {});
    for (const snippet of describeLocation(root.raw, root.facets).snippets) {
      result.push(snippetCandidate(snippet, placeSnippet(snippet, keys.column, false), site));
    }
  }
  return result;
}

function placeValueSnippet(snippet: DefaultSnippet, site: ValueSite): string {
  const lines = snippetLines(snippet);
  if (site.style === 'item') return placeSnippet(snippet, site.column, site.prefixDash);
  const block = typeof snippet.body === 'object' && snippet.body !== null || lines.length > 1;
  return block ? `\n${' '.repeat(site.column + 2)}${placeLines(lines, site.column + 2)}` : lines[0] ?? '';
}

/** A snippet whose first line continues the cursor line at `column` (after `- ` when `prefixDash`). */
function placeSnippet(snippet: DefaultSnippet, column: number, prefixDash: boolean): string {
  const text = placeLines(snippetLines(snippet), column);
  return prefixDash ? `- ${text}` : text;
}

function snippetLines(snippet: DefaultSnippet): string[] {
  return snippet.bodyText !== undefined ? bodyTextLines(snippet.bodyText) : yamlLines(snippet.body);
}

function snippetCandidate(snippet: DefaultSnippet, insertText: string, site: CompletionSite): CompletionCandidate {
  return {
    label: snippet.label, kind: 'snippet', insertText, isSnippet: true, replace: site.replace, sortText: `4_${snippet.label}`,
    detail: snippet.description ?? 'snippet', documentation: '```yaml\n' + snippetPreview(insertText.replace(/^\n/, '')) + '\n```',
  };
}

function isArrayOnly(location: ResolvedLocation): boolean {
  const types = new Set(location.facets.map((facet) => facet.type).filter((type) => type !== undefined));
  return types.size === 1 && types.has('array');
}
