/**
 * Cheap content sniffing for editors that must pick a language before parsing: a plain `*.yaml` file is a
 * descriptor when its top level has `kind: DataProduct|DataContract` next to an `apiVersion`.
 */
import type { DescriptorKind } from '../types';

/** Read at most this much: `kind` and `apiVersion` sit at the top of every real descriptor. */
const SNIFF_CHARS = 8192;
const KIND_LINE = /^kind:[ \t]*["']?(DataProduct|DataContract)["']?[ \t]*(?:#.*)?$/m;
const API_VERSION_LINE = /^apiVersion:[ \t]*\S/m;

export function sniffDescriptorKind(text: string): DescriptorKind | undefined {
  const head = text.slice(0, SNIFF_CHARS);
  const kind = KIND_LINE.exec(head)?.[1] as DescriptorKind | undefined;
  return kind && API_VERSION_LINE.test(head) ? kind : undefined;
}
