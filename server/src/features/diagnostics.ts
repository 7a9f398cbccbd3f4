/**
 * Publishes diagnostics for open documents. The first change after a pause is validated at once (after the
 * messages already queued), so a single edit shows its result as fast as the analysis allows. Changes that follow
 * each other closer than the debounce window (a burst of typing) wait for a pause that scales with what an
 * analysis of that document costs, up to `MAX_DEBOUNCE_MS`, so a fast typist on a 4 MB contract does not queue
 * one analysis per keystroke. A result for an outdated version is never published over a newer one.
 */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContexts } from '../analysisContext';
import { analyze } from '../core/analyze';
import { findingToDiagnostic } from '../convert';
import type { DocumentStore } from '../documents';
import type { SettingsStore } from '../settings';

const MAX_DEBOUNCE_MS = 50;

/** A quarter of the last analysis' cost, capped: cheap documents get diagnostics with no artificial delay. */
function debounceFor(lastAnalysisMs: number | undefined): number {
  return Math.min(MAX_DEBOUNCE_MS, Math.round((lastAnalysisMs ?? 0) / 4));
}

export interface DiagnosticsFeature {
  /** Re-validates these open documents (all when omitted), e.g. after the workspace index changed under them. */
  revalidate(uris?: readonly string[]): void;
}

export function registerDiagnostics(connection: Connection, store: DocumentStore, settings: SettingsStore, contexts: AnalysisContexts): DiagnosticsFeature {
  const pending = new Map<string, NodeJS.Timeout>();
  const lastAnalysisMs = new Map<string, number>();
  const lastChangeAt = new Map<string, number>();

  /** No wait after a pause in typing; inside a burst, a quarter of the last analysis' cost (capped). */
  const delayFor = (uri: string): number => {
    const now = performance.now();
    const previous = lastChangeAt.get(uri);
    lastChangeAt.set(uri, now);
    const debounce = debounceFor(lastAnalysisMs.get(uri));
    return previous === undefined || now - previous >= debounce ? 0 : debounce;
  };

  const validate = async (document: TextDocument): Promise<void> => {
    const enabled = (await settings.get()).validate.enable;
    const current = store.get(document.uri);
    if (!current || current.version !== document.version) return; // superseded while we waited
    const started = performance.now();
    const parsed = store.parsed(current);
    const findings = enabled ? analyze(parsed, contexts.create(current.uri)) : [];
    lastAnalysisMs.set(current.uri, performance.now() - started);
    await connection.sendDiagnostics({
      uri: current.uri,
      version: current.version,
      diagnostics: findings.map((finding) => findingToDiagnostic(current, finding)),
    });
  };

  const schedule = (document: TextDocument, delay: number): void => {
    clearTimeout(pending.get(document.uri));
    pending.set(document.uri, setTimeout(() => {
      pending.delete(document.uri);
      validate(document).catch((error: unknown) => connection.console.error(`datsis: validation failed: ${String(error)}`));
    }, delay));
  };

  // Fires for didOpen too, so opening a file is validated through the same path as typing in it.
  store.documents.onDidChangeContent((event) => schedule(event.document, delayFor(event.document.uri)));
  store.documents.onDidClose((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.delete(event.document.uri);
    lastAnalysisMs.delete(event.document.uri);
    lastChangeAt.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  settings.onDidChange(() => {
    for (const document of store.documents.all()) schedule(document, 0);
  });
  // A rules file edit (or anything else every context depends on) re-analyses every open document.
  contexts.onDidChange(() => {
    for (const document of store.documents.all()) schedule(document, 0);
  });
  return {
    revalidate(uris) {
      for (const document of store.documents.all()) if (!uris || uris.includes(document.uri)) schedule(document, MAX_DEBOUNCE_MS);
    },
  };
}
