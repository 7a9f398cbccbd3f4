/**
 * The reference forms a relationship's `from`/`to` may use, parsed and resolved to an object and property:
 *   - shorthand `object.property` (in this contract),
 *   - fully qualified `schema/<object id>/properties/<property id>` (leading `/` optional),
 *   - the same prefixed with a file, `other.odcs.yaml#/schema/...`, for another contract in the workspace,
 *   - three or more dotted names, read two ways: a nested property of this contract (`object.parent.child`, the
 *     form the ODCS docs use), else `<contract id>.<object>.<property>` for another contract named by its id.
 *     Both are our schema's extension (`NamePathReference`); the standard's own schema allows one dot.
 * Exported for the editing features (go to definition, hover, completion of `to`), which need the same reading.
 */
import type { DescriptorSummary, WorkspaceView } from '../workspace/types';
import { localShape } from './localShape';
import type { Json } from './model';

export type ParsedReference =
  | { readonly form: 'shorthand'; readonly object: string; readonly property: string }
  | { readonly form: 'qualified'; readonly file: string | undefined; readonly object: string; readonly property: string | undefined }
  /** Three or more names; see `nestedReading` and `contractReading`. */
  | { readonly form: 'dotted'; readonly names: readonly string[] }
  | { readonly form: 'remote' };

const SHORTHAND = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;
/** Mirrors `NamePathReference` in our ODCS schema: a first name that may be a contract id, then two or more names. */
const DOTTED = /^[A-Za-z0-9_:-]+(?:\.[A-Za-z_][A-Za-z0-9_]*){2,}$/;
/** The characters a contract id must be made of to be written in a dotted reference: an ODCS StableId's, plus `:` for `urn:` ids. */
const CONTRACT_ID = /^[A-Za-z0-9_:-]+$/;

export function parseReference(text: string): ParsedReference | undefined {
  const trimmed = text.trim();
  const shorthand = SHORTHAND.exec(trimmed);
  if (shorthand) return { form: 'shorthand', object: shorthand[1]!, property: shorthand[2]! };
  if (DOTTED.test(trimmed)) return { form: 'dotted', names: trimmed.split('.') };
  const hash = trimmed.indexOf('#');
  const file = hash >= 0 ? trimmed.slice(0, hash) : undefined;
  if (file !== undefined && /^https?:\/\//i.test(file)) return { form: 'remote' };
  const pointer = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  if (pointer.includes('/')) {
    const segments = pointer.replace(/^\//, '').split('/');
    if (segments[0] !== 'schema' || !segments[1]) return undefined;
    const property = segments[2] === 'properties' ? segments[3] : undefined;
    return { form: 'qualified', file: file || undefined, object: segments[1], property };
  }
  return undefined;
}

/** Whether a contract's `id` can be written as the first name of `<contract id>.<object>.<property>`. */
export function isDottedContractId(id: string): boolean {
  return CONTRACT_ID.test(id);
}

/** A dotted reference read as a nested property of this contract: the object, then the property path inside it. */
export function nestedReading(names: readonly string[]): { readonly object: string; readonly path: readonly string[] } {
  return { object: names[0]!, path: names.slice(1) };
}

/** A dotted reference read as `<contract id>.<object>.<property>` (a longer tail is a nested property path). */
export function contractReading(names: readonly string[]): { readonly contractId: string; readonly object: string; readonly path: readonly string[] } {
  return { contractId: names[0]!, object: names[1]!, path: names.slice(2) };
}

/** The data contract of the workspace whose `id` is `contractId` (the first one, should several share it). */
export function contractById(workspace: WorkspaceView, contractId: string): DescriptorSummary | undefined {
  return workspace.byId(contractId).find((summary) => summary.kind === 'DataContract');
}

/** What a reference can be resolved against: this contract's value or another contract's index summary. */
export interface ContractShape {
  readonly label: string;
  readonly objects: readonly ObjectShape[];
}

export interface ObjectShape {
  readonly name: string;
  readonly id: string | undefined;
  readonly physicalName: string | undefined;
  readonly properties: readonly PropertyShape[];
}

export interface PropertyShape {
  readonly name: string;
  readonly id: string | undefined;
  /**
   * The properties nested in this one (those of an array's `items` included); undefined when not known, as for
   * another contract's index summary, which keeps top-level properties only.
   */
  readonly properties?: readonly PropertyShape[];
}

/** Where a property path inside an object stops resolving: the index of the missing name and its siblings. */
export type PathLookup =
  | { readonly found: true }
  | { readonly found: false; readonly missing: number; readonly owner: string; readonly siblings: readonly PropertyShape[] };

/**
 * Follows `path` (property names, outermost first) into `object`. A path that goes deeper than what is known of
 * a property (another contract's summary) counts as found: nothing there can be checked.
 */
export function findPropertyPath(object: ObjectShape, path: readonly string[], matches: (property: PropertyShape, key: string) => boolean): PathLookup {
  let siblings: readonly PropertyShape[] | undefined = object.properties;
  let owner = object.name;
  for (let at = 0; at < path.length; at++) {
    if (siblings === undefined) return { found: true };
    const property: PropertyShape | undefined = siblings.find((candidate) => matches(candidate, path[at]!));
    if (!property) return { found: false, missing: at, owner, siblings };
    owner = `${owner}.${property.name}`;
    siblings = property.properties;
  }
  return { found: true };
}

/** This contract as references see it; remembered per object, so asking again after an edit is cheap. */
export function shapeOfValue(contract: Json, label: string): ContractShape {
  return { label, objects: localShape(contract).objects };
}

export function shapeOfSummary(summary: DescriptorSummary, label: string): ContractShape {
  return { label, objects: summary.objects };
}

/** Finds a contract in the workspace by a file reference relative to `fromUri`, comparing decoded URIs. */
export function contractByFile(workspace: WorkspaceView, fromUri: string, file: string): DescriptorSummary | undefined {
  let target: string;
  try {
    target = new URL(file, fromUri).href;
  } catch {
    return undefined;
  }
  const direct = workspace.byUri(target);
  if (direct) return direct;
  const decoded = safeDecode(target);
  for (const summary of workspace.all()) if (safeDecode(summary.uri) === decoded) return summary;
  return undefined;
}

export function isSameFile(fromUri: string, file: string): boolean {
  try {
    return safeDecode(new URL(file, fromUri).href) === safeDecode(fromUri);
  } catch {
    return false;
  }
}

function safeDecode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The last path segment of a URI, for messages ("in `orders.odcs.yaml`"). */
export function fileLabel(uri: string): string {
  const path = uri.split(/[?#]/)[0] ?? uri;
  return safeDecode(path.slice(path.lastIndexOf('/') + 1)) || uri;
}
