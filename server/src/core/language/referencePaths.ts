/**
 * Which values in a descriptor are references to something else, recognised by their value path. Completion,
 * hover, go-to-definition and find-references all start from the same question — "is the cursor on a
 * reference, and to what kind of thing?" — so the answer lives here once.
 */
import type { ValuePath } from '../types';
import type { EditingKind } from './kindSchemas';

export type ReferenceKind =
  /** An ODPS port's `contractId` (or an output port's `inputContracts[].id`): a contract `id` in the workspace. */
  | 'contractId'
  /** A relationship end or SLA element: `object.property`, an id path, or a reference into another contract. */
  | 'propertyRef'
  /** A column named inside a quality rule (`arguments.properties` of a library rule). */
  | 'qualityProperty';

export function referenceKindAt(kind: EditingKind, path: ValuePath): ReferenceKind | undefined {
  if (kind === 'DatsisRules') return undefined; // the rules file refers to nothing in the workspace
  const at = (index: number): string | number | undefined => path[index < 0 ? path.length + index : index];
  if (kind === 'DataProduct') {
    if (path.length === 3 && (at(0) === 'inputPorts' || at(0) === 'outputPorts') && at(2) === 'contractId') return 'contractId';
    if (path.length === 5 && at(0) === 'outputPorts' && at(2) === 'inputContracts' && at(4) === 'id') return 'contractId';
    return undefined;
  }
  const keyPath = typeof at(-1) === 'number' ? path.slice(0, -1) : path;
  const last = keyPath[keyPath.length - 1];
  if ((last === 'to' || last === 'from') && keyPath[keyPath.length - 3] === 'relationships') return 'propertyRef';
  if (keyPath.length === 1 && last === 'slaDefaultElement') return 'propertyRef';
  if (keyPath.length === 3 && keyPath[0] === 'slaProperties' && last === 'element') return 'propertyRef';
  if (last === 'properties' && keyPath[keyPath.length - 2] === 'arguments' && keyPath[keyPath.length - 4] === 'quality') return 'qualityProperty';
  return undefined;
}

/** Index of the schema object a path inside `schema[i]` belongs to (for names relative to the enclosing object). */
export function enclosingObjectIndex(path: ValuePath): number | undefined {
  return path[0] === 'schema' && typeof path[1] === 'number' ? path[1] : undefined;
}

/** SLA elements may list several references separated by commas; pick the one under the cursor. */
export function referenceUnderCursor(value: string, offsetInValue: number): string | undefined {
  let start = 0;
  for (const part of value.split(',')) {
    const end = start + part.length;
    if (offsetInValue <= end) return part.trim() || undefined;
    start = end + 1;
  }
  return value.split(',').pop()?.trim() || undefined;
}
