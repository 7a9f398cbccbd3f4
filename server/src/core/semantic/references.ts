/**
 * The reference forms a relationship's `from`/`to` may use, parsed and resolved to an object and property:
 *   - shorthand `object.property` (in this contract),
 *   - fully qualified `schema/<object id>/properties/<property id>` (leading `/` optional),
 *   - the same prefixed with a file, `other.odcs.yaml#/schema/...`, for another contract in the workspace,
 *   - `<contract id>.object.property` for another contract named by its id.
 * Exported for the editing features (go to definition, completion of `to`), which need the same resolution.
 */
import type { DescriptorSummary, WorkspaceView } from '../workspace/types';
import { localShape } from './localShape';
import type { Json } from './model';

export type ParsedReference =
  | { readonly form: 'shorthand'; readonly object: string; readonly property: string }
  | { readonly form: 'qualified'; readonly file: string | undefined; readonly object: string; readonly property: string | undefined }
  | { readonly form: 'contract'; readonly contractId: string; readonly object: string; readonly property: string }
  | { readonly form: 'remote' };

const SHORTHAND = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

export function parseReference(text: string): ParsedReference | undefined {
  const trimmed = text.trim();
  const shorthand = SHORTHAND.exec(trimmed);
  if (shorthand) return { form: 'shorthand', object: shorthand[1]!, property: shorthand[2]! };
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
  const parts = trimmed.split('.');
  if (parts.length >= 3 && parts.every((part) => part.length > 0)) {
    return { form: 'contract', contractId: parts.slice(0, -2).join('.'), object: parts[parts.length - 2]!, property: parts[parts.length - 1]! };
  }
  return undefined;
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
  readonly properties: readonly { readonly name: string; readonly id: string | undefined }[];
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
