/**
 * Everything an analysis may depend on besides the document itself. Passed explicitly so that results are a
 * pure function of (document, context): the server, the CLI and tests build the context their own way.
 */
import type { WorkspaceView } from './workspace/types';

export interface AnalysisContext {
  /** The document's URI (file URI for files; used to resolve relative references and to skip itself). */
  readonly uri: string;
  /** The workspace index; undefined when analysing a lone file (cross-file rules then stay silent). */
  readonly workspace: WorkspaceView | undefined;
  /** The effective rules configuration from `.datsis.yaml` (shape owned by the DATSIS module). */
  readonly rules?: unknown;
}
