/**
 * Open documents and their parse results. Each document version is parsed exactly once, on first demand, and
 * every feature reads the cached result, so a burst of requests after a keystroke costs one parse. A new version
 * is parsed incrementally from the previous one where the edit allows (see core/yaml/incremental.ts).
 */
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reparseDescriptor } from './core/yaml/incremental';
import type { ParsedDescriptor } from './core/yaml/parse';

interface CachedParse {
  readonly version: number;
  readonly parsed: ParsedDescriptor;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly parses = new Map<string, CachedParse>();

  constructor() {
    this.documents.onDidClose((event) => this.parses.delete(event.document.uri));
  }

  listen(connection: Connection): void {
    this.documents.listen(connection);
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  /** The parse of the document's current version; parses only if this version has not been parsed yet. */
  parsed(document: TextDocument): ParsedDescriptor {
    const cached = this.parses.get(document.uri);
    if (cached && cached.version === document.version) return cached.parsed;
    // The previous parse is consumed: its document is updated in place when the edit allows it.
    const parsed = reparseDescriptor(cached?.parsed, document.getText());
    this.parses.set(document.uri, { version: document.version, parsed });
    return parsed;
  }
}
