/**
 * Plays the author who fills in placeholders: finds them (snippet tab stops of applied fixes, or the `${...}` of
 * a scaffolded file) and replaces each with a realistic value for the key it sits under, through the edit
 * engine so quoting stays right. Used to check that "fix all" and `datsis new` lead to the top band once the
 * author has done their part.
 */
import { isMap, isScalar } from 'yaml';
import { applyEdits, fixToEdits, type FixAction, type FixValue, type TextEdit } from '../../../server/src/core/fixes';
import type { Span } from '../../../server/src/core/types';
import { pathAtOffset, locate } from '../../../server/src/core/yaml/locate';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';

/** Applies snippet edits as a client would, returning the text and where each tab stop's text landed. */
export function applySnippetEdits(text: string, edits: readonly TextEdit[]): { text: string; placeholders: Span[] } {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start);
  let result = '';
  let position = 0;
  const placeholders: Span[] = [];
  for (const edit of ordered) {
    result += text.slice(position, edit.span.start);
    if (!edit.snippet) {
      result += edit.newText;
    } else {
      const expanded = expandSnippet(edit.newText);
      for (const stop of expanded.stops) placeholders.push({ start: result.length + stop.start, end: result.length + stop.end });
      result += expanded.text;
    }
    position = edit.span.end;
  }
  return { text: result + text.slice(position), placeholders };
}

/** The LSP snippet grammar as far as the engine writes it: `\x` escapes, `${n:text}` and `${n}`. */
export function expandSnippet(snippet: string): { text: string; stops: Span[] } {
  let text = '';
  const stops: Span[] = [];
  let i = 0;
  while (i < snippet.length) {
    const match = /^\$\{(\d+)(:|\})/.exec(snippet.slice(i));
    if (snippet[i] === '\\' && i + 1 < snippet.length) {
      text += snippet[i + 1];
      i += 2;
    } else if (match) {
      i += match[0].length;
      const start = text.length;
      if (match[2] === ':') {
        while (i < snippet.length && snippet[i] !== '}') {
          if (snippet[i] === '\\' && i + 1 < snippet.length) i++;
          text += snippet[i];
          i++;
        }
        i++; // the closing brace
      }
      stops.push({ start, end: text.length });
    } else {
      text += snippet[i];
      i++;
    }
  }
  return { text, stops };
}

/** The `${...}` placeholders of a scaffolded file, outside comments. */
export function scaffoldPlaceholders(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(/\$\{[^}\n]*\}/g)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    if (text.slice(lineStart, match.index).includes('#')) continue;
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Replaces every placeholder span by a realistic value for its key. */
export function fillPlaceholders(text: string, placeholders: readonly Span[]): string {
  const parsed = parseDescriptor(text);
  const actions: FixAction[] = [];
  for (const span of placeholders) {
    const { path, node } = pathAtOffset(parsed.document, span.start);
    if (!isScalar(node)) throw new Error(`placeholder at ${span.start} is not inside a scalar: ${JSON.stringify(path)}`);
    const placeholder = text.slice(span.start, span.end);
    const current = String(node.value);
    const realistic = realisticValue(path, (parentPath) => locate(parsed.document, parentPath).node);
    const value: FixValue = current === placeholder ? realistic : current.replace(placeholder, String(realistic));
    actions.push({ kind: 'replaceValue', path, value });
  }
  if (!actions.length) return text;
  return applyEdits(text, fixToEdits(parsed, { title: 'fill placeholders', fixAll: false, actions }));
}

const SENTENCES: Record<string, string> = {
  purpose: 'Daily demand forecast per store and SKU for the next 28 days, used by replenishment planners to set order quantities.',
  usage: 'Join on store_id and sku with inventory positions; read the latest forecast date each morning after 06:00 CET.',
  limitations: 'Stores open for less than eight weeks are not forecast; new SKUs fall back to the category average for their first month.',
  dataGranularityDescription: 'One row per store, SKU and forecast date.',
};

const VALUES: Record<string, FixValue> = {
  domain: 'supply-chain',
  tags: 'replenishment',
  username: 'jana.kowalski@hanseatic-retail.example',
  channel: 'supply-chain-data',
  host: 'pg-supply-chain.hanseatic-retail.example',
  database: 'supply_chain',
  schema: 'forecast',
  server: 'supply-chain-prod',
  firstLevelApprovers: 'Data Protection Office',
  businessName: 'Forecast quantity',
  classification: 'internal',
  tool: 'slack',
  environment: 'prod',
  role: 'owner',
  unit: 'd',
};

/** `type` means different things in different places. */
const TYPES: Record<string, string> = {
  servers: 'postgres', outputPorts: 'tables', inputPorts: 'tables', managementPorts: 'rest', quality: 'library', authoritativeDefinitions: 'canonicalUrl',
};

const EXAMPLES_BY_TYPE: Record<string, FixValue> = {
  string: 'DE0042', number: 12.5, integer: 7, date: '2024-03-14', timestamp: '2024-03-14T06:00:00Z', boolean: true,
};

/** A realistic value for the placeholder at `path`; `nodeAt` reads the document around it. */
function realisticValue(path: readonly (string | number)[], nodeAt: (path: readonly (string | number)[]) => unknown): FixValue {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
  if (SENTENCES[key]) return SENTENCES[key]!;
  if (key === 'description') return describe(path);
  if (key === 'url' || key === 'invitationUrl') return `https://catalog.hanseatic-retail.example/supply-chain/${path.filter((segment) => typeof segment === 'string').join('/')}`;
  if (key === 'name') return path[0] === 'team' ? 'Supply Chain Analytics' : 'demand_forecast';
  if (key === 'examples') {
    const owner = nodeAt(path.slice(0, path.lastIndexOf('examples')));
    const logicalType = isMap(owner) ? String(owner.get('logicalType') ?? 'string') : 'string';
    return EXAMPLES_BY_TYPE[logicalType] ?? 'DE0042';
  }
  if (key in VALUES) return VALUES[key]!;
  if (key === 'type') {
    const parent = [...path.slice(0, -1)].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
    if (TYPES[parent]) return TYPES[parent]!;
  }
  throw new Error(`no realistic value for a placeholder under ${JSON.stringify(path)}`);
}

function describe(path: readonly (string | number)[]): string {
  const parent = [...path.slice(0, -1)].reverse().find((segment): segment is string => typeof segment === 'string');
  switch (parent) {
    case 'properties': return 'Forecast quantity for the store and SKU on the forecast date, in sales units.';
    case 'schema': return 'Forecast per store, SKU and day, produced by the nightly model run from daily store sales.';
    case 'outputPorts': return 'Serves the daily forecast table to replenishment and pricing analysts.';
    case 'quality': return 'The forecast table is never empty after the nightly load.';
    case 'slaProperties': return 'Forecasts are published within one day of the sales they are based on.';
    case 'authoritativeDefinitions': return 'Catalogue entry of the demand forecast.';
    default: return 'Demand forecast of the supply-chain domain, refreshed every night.';
  }
}
