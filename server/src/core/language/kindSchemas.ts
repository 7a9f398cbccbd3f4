/**
 * One schema navigator per descriptor kind, created on first use and kept for the process lifetime, so the
 * navigator's caches survive across requests and documents.
 */
import { odcsSchema, odpsSchema } from '../schemas';
import type { DescriptorKind } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import { SchemaNavigator, type JsonSchema } from './schemaNavigator';

const navigators = new Map<DescriptorKind, SchemaNavigator>();

export function navigatorFor(kind: DescriptorKind): SchemaNavigator {
  let navigator = navigators.get(kind);
  if (!navigator) {
    navigator = new SchemaNavigator((kind === 'DataContract' ? odcsSchema : odpsSchema) as JsonSchema);
    navigators.set(kind, navigator);
  }
  return navigator;
}

/**
 * The kind to use for editing help. The content decides (`kind:`); only while the author has not written `kind`
 * yet does the file name (`*.odcs.yaml`, `*.odps.yaml`) stand in, so a new empty file still gets completion.
 */
export function editingKind(parsed: ParsedDescriptor, uri: string): DescriptorKind | undefined {
  if (parsed.kind) return parsed.kind;
  if (hasTopLevelKind(parsed)) return undefined; // some other `kind:`: not ours
  const name = uri.toLowerCase();
  if (/\.(odcs|datacontract)\.ya?ml$/.test(name)) return 'DataContract';
  if (/\.(odps|dataproduct)\.ya?ml$/.test(name)) return 'DataProduct';
  return undefined;
}

function hasTopLevelKind(parsed: ParsedDescriptor): boolean {
  const value = parsed.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Record<string, unknown>).kind === 'string'
    && (value as Record<string, unknown>).kind !== '';
}
