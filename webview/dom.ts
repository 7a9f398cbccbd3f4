/**
 * A very small virtual DOM: views describe the page as `VNode`s and `patch` brings the real DOM in line,
 * reusing elements (by key where given). Reuse is the point: when a score arrives after a fix, the panel keeps
 * its scroll position and focus and nothing flickers, because unchanged elements are never rebuilt.
 *
 * It is also the security boundary of the webview. Text only ever reaches the page through `Text` nodes and
 * `textContent`; attribute values through `setAttribute`; `innerHTML` is never used. Attribute NAMES come from
 * our own code, and the ones that could load or run something (`on*`, `href`, `src`, `style`, ...) are refused
 * outright, so no data can become markup, a handler or a URL to follow.
 */

export interface VNode {
  readonly tag: string;
  readonly svg: boolean;
  readonly key: string | undefined;
  readonly attrs: Readonly<Record<string, string>>;
  /** Attributes set only when the element is created (e.g. `open` on <details>, then left to the user). */
  readonly once: Readonly<Record<string, string>> | undefined;
  /** For `#text` nodes and for elements whose only child is text. */
  readonly text: string | undefined;
  readonly children: readonly VNode[];
}

export type AttrValue = string | number | boolean | null | undefined;
export type Props = { readonly key?: string; readonly once?: Readonly<Record<string, string>> } & Readonly<Record<string, AttrValue | Readonly<Record<string, string>>>>;
export type Child = VNode | string | number | false | null | undefined | readonly Child[];

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Attribute names that could execute code, load a resource or inject CSS. We need none of them. */
const FORBIDDEN_ATTRIBUTE = /^(on|href$|xlink:|src$|srcset$|srcdoc$|style$|action$|formaction$|xmlns|data$|poster$|background$|ping$)/i;

/** An HTML element. */
export function h(tag: string, props: Props | null, ...children: Child[]): VNode {
  return vnode(tag, false, props, children);
}

/** An SVG element. */
export function s(tag: string, props: Props | null, ...children: Child[]): VNode {
  return vnode(tag, true, props, children);
}

function vnode(tag: string, svg: boolean, props: Props | null, children: Child[]): VNode {
  const attrs: Record<string, string> = {};
  let key: string | undefined;
  let once: Readonly<Record<string, string>> | undefined;
  for (const [name, value] of Object.entries(props ?? {})) {
    if (name === 'key') key = String(value);
    else if (name === 'once') once = value as Readonly<Record<string, string>>;
    else if (value !== false && value !== null && value !== undefined) attrs[checkName(name)] = value === true ? '' : String(value);
  }
  const flat = flatten(children);
  if (flat.length === 1 && typeof flat[0] === 'string') return { tag, svg, key, attrs, once, text: flat[0], children: [] };
  const nodes = flat.map((child) => (typeof child === 'string' ? textNode(child) : child));
  return { tag, svg, key, attrs, once, text: undefined, children: nodes };
}

function textNode(text: string): VNode {
  return { tag: '#text', svg: false, key: undefined, attrs: {}, once: undefined, text, children: [] };
}

function flatten(children: readonly Child[], into: (VNode | string)[] = []): (VNode | string)[] {
  for (const child of children) {
    if (child === false || child === null || child === undefined) continue;
    if (Array.isArray(child)) flatten(child as readonly Child[], into);
    else into.push(typeof child === 'number' ? String(child) : (child as VNode | string));
  }
  return into;
}

function checkName(name: string): string {
  if (FORBIDDEN_ATTRIBUTE.test(name) || !/^[a-zA-Z][\w:.-]*$/.test(name)) throw new Error(`dom: attribute "${name}" is not allowed`);
  return name;
}

const keys = new WeakMap<Node, string>();
const applied = new WeakMap<Element, Record<string, string>>();

/** Makes `parent`'s children match `nodes`, reusing what it can. */
export function patch(parent: Element, nodes: readonly VNode[]): void {
  const existing = Array.from(parent.childNodes);
  const byKey = new Map<string, Node>();
  const unkeyed: Node[] = [];
  for (const node of existing) {
    const key = keys.get(node);
    if (key === undefined) unkeyed.push(node);
    else byKey.set(key, node);
  }
  // First decide which nodes survive and drop the rest, so survivors stay in place and keep focus.
  let nextUnkeyed = 0;
  const reused = nodes.map((wanted) => {
    let candidate: Node | undefined;
    if (wanted.key !== undefined) {
      candidate = byKey.get(wanted.key);
      byKey.delete(wanted.key);
    } else {
      candidate = unkeyed[nextUnkeyed++];
    }
    return candidate && sameKind(candidate, wanted) ? candidate : undefined;
  });
  const survivors = new Set(reused.filter((node): node is Node => node !== undefined));
  for (const node of existing) if (!survivors.has(node)) parent.removeChild(node);

  nodes.forEach((wanted, index) => {
    const node = reused[index] ?? create(wanted);
    update(node, wanted);
    const current = parent.childNodes[index];
    if (current !== node) parent.insertBefore(node, current ?? null);
  });
}

function sameKind(node: Node, wanted: VNode): boolean {
  if (wanted.tag === '#text') return node.nodeType === Node.TEXT_NODE;
  return node instanceof Element && node.localName === wanted.tag && (node.namespaceURI === SVG_NS) === wanted.svg;
}

function create(wanted: VNode): Node {
  if (wanted.tag === '#text') return document.createTextNode('');
  const element = wanted.svg ? document.createElementNS(SVG_NS, wanted.tag) : document.createElement(wanted.tag);
  if (wanted.key !== undefined) keys.set(element, wanted.key);
  for (const [name, value] of Object.entries(wanted.once ?? {})) element.setAttribute(checkName(name), value);
  return element;
}

function update(node: Node, wanted: VNode): void {
  if (wanted.tag === '#text') {
    if (node.nodeValue !== wanted.text) node.nodeValue = wanted.text ?? '';
    return;
  }
  const element = node as Element;
  const previous = applied.get(element) ?? {};
  for (const name of Object.keys(previous)) if (!(name in wanted.attrs)) element.removeAttribute(name);
  for (const [name, value] of Object.entries(wanted.attrs)) if (previous[name] !== value) element.setAttribute(name, value);
  applied.set(element, wanted.attrs);
  if (wanted.text !== undefined) {
    if (element.childNodes.length !== 1 || element.firstChild?.nodeType !== Node.TEXT_NODE || element.textContent !== wanted.text) element.textContent = wanted.text;
  } else {
    patch(element, wanted.children);
  }
}
