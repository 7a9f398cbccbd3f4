/**
 * Turns `defaultSnippets` bodies (JSON values whose strings may hold `${1:placeholder}`s) and single values into
 * YAML snippet text placed at a given column. Placeholders pass through untouched; every other character that
 * means something in snippet syntax (`$`, `}`, `\`) is escaped, and scalars YAML would misread are quoted.
 */

const PLACEHOLDER = /\$(\d+|\{\d+[:|}])/;

/** YAML lines of `value`, the first line starting at column 0, nested lines indented relative to it. */
export function yamlLines(value: unknown): string[] {
  if (Array.isArray(value)) {
    if (!value.length) return ['[]'];
    return value.flatMap((item) => itemLines(item));
  }
  if (isRecord(value)) {
    const entries = Object.entries(value);
    if (!entries.length) return ['{}'];
    return entries.flatMap(([key, child]) => entryLines(key, child));
  }
  return [snippetScalar(value)];
}

function entryLines(key: string, value: unknown): string[] {
  const name = yamlKey(key);
  if (Array.isArray(value) && value.length) return [`${name}:`, ...value.flatMap((item) => itemLines(item)).map((line) => `  ${line}`)];
  if (isRecord(value) && Object.keys(value).length) return [`${name}:`, ...yamlLines(value).map((line) => `  ${line}`)];
  return [`${name}: ${yamlLines(value)[0]}`];
}

function itemLines(item: unknown): string[] {
  const [first = '', ...rest] = yamlLines(item);
  return [`- ${first}`, ...rest.map((line) => `  ${line}`)];
}

/** Joins lines so that the first continues the current line and the others start at `column`. */
export function placeLines(lines: readonly string[], column: number): string {
  const pad = ' '.repeat(column);
  return lines.map((line, index) => (index === 0 ? line : pad + line)).join('\n');
}

/** A body given as YAML text (`bodyText`): re-indented so its first line starts at `column`. */
export function bodyTextLines(bodyText: string): string[] {
  const lines = bodyText.replace(/\r\n/g, '\n').replace(/\n+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((line) => line.slice(common));
}

/** A scalar as snippet text: placeholders kept, snippet metacharacters escaped, YAML quoting where needed. */
export function snippetScalar(value: unknown): string {
  if (typeof value === 'string' && PLACEHOLDER.test(value)) return value;
  return escapeSnippet(yamlScalar(value));
}

/** A scalar as plain YAML text, quoted when YAML would otherwise read it as another type or as structure. */
export function yamlScalar(value: unknown, inFlow = false): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'string') return String(value);
  if (value === '') return '""';
  const ambiguous = /^(true|false|yes|no|on|off|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|\.inf|\.nan)$/i.test(value);
  const structural = /^[\s\-?:,[\]{}#&*!|>'"%@`]|: | #|\s$/.test(value) || (inFlow && /[,[\]{}]/.test(value));
  return ambiguous || structural ? JSON.stringify(value) : value;
}

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/** Escapes one option of a `${1|a,b|}` choice. */
export function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (char) => `\\${char}`);
}

function yamlKey(key: string): string {
  return /^[A-Za-z_$][\w$.-]*$/.test(key) ? key : JSON.stringify(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Snippet text as the author will see it once inserted: placeholders show their default, escapes removed. */
export function snippetPreview(snippet: string): string {
  return snippet.replace(
    /\\([\\$},|])|\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)?\|\}|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\{\d+\}|\$\d+/g,
    (_match, escaped?: string, choice?: string, placeholder?: string) =>
      escaped ?? (choice ?? placeholder ?? '').replace(/\\(.)/g, '$1'),
  );
}
