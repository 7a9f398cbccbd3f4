/**
 * Fixtures for the language-feature tests: marked text (`‸` cursor, `‹ ›` expected ranges) parsed as the server
 * would, a real workspace index built from in-memory files, and a way to apply a completion and re-parse.
 */
import { parseMarkers, type MarkedText } from '../../support/markers';
import type { CompletionCandidate } from '../../../server/src/core/language/types';
import { snippetPreview } from '../../../server/src/core/language/snippetText';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';

export interface Fixture extends MarkedText {
  readonly parsed: ParsedDescriptor;
  /** The first `‸` marker. */
  readonly offset: number;
}

export function fixture(marked: string): Fixture {
  const markers = parseMarkers(marked);
  return { ...markers, parsed: parseDescriptor(markers.text), offset: markers.positions[0] ?? -1 };
}

/** A workspace index over in-memory files, summarised exactly as the server indexes files on disk. */
export function workspaceOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.update(uri, summarize(parseDescriptor(text), uri));
  return index;
}

/** The text after accepting `candidate`, with snippet placeholders replaced by their defaults. */
export function applyCompletion(text: string, candidate: CompletionCandidate): string {
  const inserted = candidate.isSnippet ? snippetPreview(candidate.insertText) : candidate.insertText;
  return text.slice(0, candidate.replace.start) + inserted + text.slice(candidate.replace.end);
}

export function labels(candidates: readonly CompletionCandidate[]): string[] {
  return candidates.map((candidate) => candidate.label);
}

export function find(candidates: readonly CompletionCandidate[], label: string): CompletionCandidate {
  const found = candidates.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no completion "${label}" among: ${labels(candidates).join(', ')}`);
  return found;
}

export const CONTRACT_HEADER = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:test:orders\nversion: 1.0.0\nstatus: active\n';
