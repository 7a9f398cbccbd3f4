/**
 * Turns fix values into YAML text through the `yaml` library's own stringifier, so quoting, escaping, block
 * scalars and flow collections are always right, and in the document's style. Placeholders are rendered as
 * their plain text and tracked as tab stops (see snippet.ts), found again by re-reading the rendered text.
 */
import { Document, parseDocument, visit, type Scalar } from 'yaml';
import { stripPlaceholders, type LeafPlaceholders } from './snippet';
import { TrackedText, type Tabstop } from './trackedText';
import type { YamlStyle } from './layout';
import type { FixValue } from './types';

export interface RenderOptions {
  /** Render collections in flow style (`{a: 1}`, `[x]`), for insertion inside an existing flow collection. */
  readonly flow?: boolean;
  /** Quote style to keep for a string scalar, e.g. the style of the value being replaced. */
  readonly scalarType?: Scalar.Type;
  /** Prefix for tab stop ids, so placeholders of different actions stay apart. */
  readonly tabstopPrefix?: string;
}

/** Renders `value` as a standalone YAML document body with `\n` line endings (the caller converts them). */
export function renderValue(value: FixValue, style: YamlStyle, options: RenderOptions = {}): TrackedText {
  const { plain, leaves } = stripPlaceholders(value);
  const document = new Document();
  document.contents = document.createNode(plain, { flow: options.flow ?? false });
  const scalarType = options.scalarType;
  if (scalarType || options.flow) {
    visit(document, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string') return;
        if (scalarType) node.type = scalarType;
        // Inside a flow collection a multi-line string must stay on one line, escaped, whatever the indentation.
        if (options.flow && node.value.includes('\n')) node.type = 'QUOTE_DOUBLE';
      },
    });
  }
  const text = document.toString({
    indent: style.indent,
    indentSeq: style.indentSeq,
    lineWidth: 0,
    minContentWidth: 0,
    singleQuote: style.singleQuote,
    flowCollectionPadding: false,
  });
  return new TrackedText(text, findTabstops(text, leaves, options.tabstopPrefix ?? ''));
}

/** Renders `{ key: value }` as block lines (`key: value\n` or `key:\n  nested...`), unindented. */
export function renderBlockPair(key: string, value: FixValue, style: YamlStyle, prefix?: string): TrackedText {
  return renderValue({ [key]: value }, style, { tabstopPrefix: prefix });
}

/** Renders one block sequence item (`- value\n`, nested lines aligned under the item), unindented. */
export function renderBlockItem(value: FixValue, style: YamlStyle, prefix?: string): TrackedText {
  return renderValue([value], { ...style, indentSeq: true }, { tabstopPrefix: prefix });
}

/**
 * A scalar (or empty collection) as it must be written in place of another value: in flow context quoted for
 * flow, in block context with a block scalar's body indented for its place (`ownerColumn` = column of the key or
 * dash owning the value). Without a final line break.
 */
export function renderInPlace(value: FixValue, style: YamlStyle, place: { flow: boolean; inSequence: boolean; ownerColumn: number }, scalarType?: Scalar.Type, prefix?: string): TrackedText {
  if (place.flow) return stripBrackets(renderValue([value], style, { flow: true, scalarType, tabstopPrefix: prefix }));
  const wrapped = place.inSequence ? renderValue([value], { ...style, indentSeq: true }, { scalarType, tabstopPrefix: prefix }) : renderValue({ k: value }, style, { scalarType, tabstopPrefix: prefix });
  const lead = place.inSequence ? '- '.length : 'k: '.length;
  return wrapped.slice(lead).withoutFinalNewline().indentLines(' '.repeat(place.ownerColumn), true);
}

/** `key: value` for insertion into a flow mapping (no braces). */
export function renderFlowPair(key: string, value: FixValue, style: YamlStyle, prefix?: string): TrackedText {
  return stripBrackets(renderValue({ [key]: value }, style, { flow: true, tabstopPrefix: prefix }));
}

/** One item for insertion into a flow sequence (no brackets). */
export function renderFlowItem(value: FixValue, style: YamlStyle, prefix?: string): TrackedText {
  return stripBrackets(renderValue([value], style, { flow: true, tabstopPrefix: prefix }));
}

/** A key as it must be written (quoted only if needed, or in `scalarType` when the old key was quoted). */
export function renderKey(key: string, style: YamlStyle, scalarType?: Scalar.Type): string {
  return renderValue(key, style, { scalarType }).text.trimEnd();
}

function stripBrackets(rendered: TrackedText): TrackedText {
  const text = rendered.text.trimEnd();
  const open = text.search(/[[{]/);
  const close = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  let start = open + 1;
  let end = close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return rendered.slice(start, end);
}

/**
 * Re-reads the rendered text and pairs its value scalars, in order, with the leaves of the fix value; inside each
 * scalar's source the placeholder text is located directly (plain or quoted without escapes), else searched.
 */
function findTabstops(text: string, leaves: readonly (LeafPlaceholders | undefined)[], prefix: string): Tabstop[] {
  if (!leaves.some((leaf) => leaf)) return [];
  const tabstops: Tabstop[] = [];
  let leafIndex = 0;
  visit(parseDocument(text), {
    Scalar(key, node) {
      if (key === 'key') return;
      const leaf = leaves[leafIndex++];
      if (!leaf || !node.range) return;
      const source = text.slice(node.range[0], node.range[1]);
      const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const body = quoted ? source.slice(1, -1) : source;
      const bodyStart = node.range[0] + (quoted ? 1 : 0);
      let cursor = 0;
      for (const spot of leaf.spots) {
        const wanted = leaf.plain.slice(spot.offset, spot.offset + spot.length);
        let at = body === leaf.plain ? spot.offset : body.indexOf(wanted, cursor);
        if (at < 0) continue; // escaped beyond recognition: the text stays, without a tab stop
        if (wanted === '' && body !== leaf.plain) at = cursor;
        tabstops.push({ start: bodyStart + at, end: bodyStart + at + wanted.length, id: `${prefix}${spot.id}` });
        cursor = at + wanted.length;
      }
    },
  });
  return tabstops;
}
