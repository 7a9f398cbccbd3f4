/**
 * Texts of workspace files for the navigation features: the open editor's version when there is one, else the
 * file on disk. Definitions and references point into files that may not be open, and their spans (offsets)
 * become line/character positions only against that file's text.
 */
import { fileURLToPath } from 'node:url';
import type { Location } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TargetLocation } from '../core/language/types';
import { targetToLocation } from '../convert';
import type { DocumentStore } from '../documents';
import { readCandidate } from './workspaceFiles';

export class WorkspaceTexts {
  constructor(private readonly store: DocumentStore) {}

  async text(uri: string): Promise<string | undefined> {
    const open = this.store.get(uri);
    if (open) return open.getText();
    try {
      return uri.startsWith('file:') ? await readCandidate(fileURLToPath(uri)) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Texts of several files at once, read concurrently. */
  async texts(uris: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(uris)];
    const texts = await Promise.all(unique.map((uri) => this.text(uri)));
    const result = new Map<string, string>();
    unique.forEach((uri, index) => {
      const text = texts[index];
      if (text !== undefined) result.set(uri, text);
    });
    return result;
  }

  /** LSP locations for core targets; targets in files that cannot be read are dropped. */
  async locations(targets: readonly TargetLocation[]): Promise<Location[]> {
    const texts = await this.texts(targets.map((target) => target.uri));
    const documents = new Map<string, TextDocument>();
    const result: Location[] = [];
    for (const target of targets) {
      const open = this.store.get(target.uri);
      let document = open ?? documents.get(target.uri);
      if (!document) {
        const text = texts.get(target.uri);
        if (text === undefined) continue;
        document = TextDocument.create(target.uri, 'yaml', 0, text);
        documents.set(target.uri, document);
      }
      result.push(targetToLocation(document, target));
    }
    return result;
  }
}
