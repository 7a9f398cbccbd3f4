/**
 * `datsis/ddl`: the generated SQL of an open contract, for the DDL preview and for any other editor. Also keeps the
 * `datsis.ddl.dialect` setting available to the DDL diagnostics, which re-run when it changes.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { contractDialect, generateDdl } from '../core/ddl/generate';
import { DDL_DIALECTS, isDialectId, type DialectId as CoreDialectId } from '../core/ddl/types';
import type { DocumentStore } from '../documents';
import { Methods, type DdlParams, type DdlResult, type DialectId } from '../protocol';
import type { SettingsStore } from '../settings';

// The protocol and the core list the same dialects; this fails to compile when they drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const DIALECT_LISTS_AGREE: Same<DialectId, CoreDialectId> = true;
void DIALECT_LISTS_AGREE;

export function registerDdl(connection: Connection, store: DocumentStore, settings: SettingsStore, contexts: AnalysisContexts): void {
  let configured: DialectId | '' = '';
  const refresh = async (): Promise<void> => {
    const next = (await settings.get()).ddl.dialect;
    const dialect = isDialectId(next) ? next : '';
    if (dialect === configured) return;
    configured = dialect;
    contexts.fireDidChange();
  };
  contexts.provideDdlDialect(() => configured || undefined);
  settings.onDidChange(() => void refresh());
  // The settings can be pulled once the client is initialised, which it is by the time it opens a document.
  store.documents.onDidOpen(() => void refresh());

  connection.onRequest(Methods.ddl, (params: DdlParams): DdlResult | null => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const parsed = store.parsed(document);
    if (parsed.kind !== 'DataContract' || parsed.value === undefined) return null;
    if (params.dialect !== undefined && !isDialectId(params.dialect)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Unknown dialect "${String(params.dialect)}". Known dialects: ${DDL_DIALECTS.join(', ')}.`);
    }
    const dialect = params.dialect ?? contractDialect(parsed.value);
    if (!dialect) return { sql: '', samples: '', checks: '' };
    const output = generateDdl(parsed.value, dialect);
    return { sql: output.ddl, samples: output.samples, checks: output.checks, dialect };
  });
}
