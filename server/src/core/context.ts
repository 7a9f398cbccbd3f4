/**
 * Everything an analysis may depend on besides the document itself. Passed explicitly so that results are a
 * pure function of (document, context): the server, the CLI and tests build the context their own way.
 */
import type { RulesConfig } from './datsis/config';
import type { ContractScoreLookup } from './datsis/score';
import type { WorkspaceView } from './workspace/types';

export interface AnalysisContext {
  /** The document's URI (file URI for files; used to resolve relative references and to skip itself). */
  readonly uri: string;
  /** The workspace index; undefined when analysing a lone file (cross-file rules then stay silent). */
  readonly workspace: WorkspaceView | undefined;
  /** The effective DATSIS configuration (defaults < `.datsis.yaml` < editor settings); defaults when absent. */
  readonly rules?: RulesConfig;
  /**
   * Scores of data contracts by id, so a product's score can fold in the contracts behind its output ports.
   * Optional: without it a product is scored on its own. The host provides it because only the host knows
   * where to find (and how to cache) the parsed contracts.
   */
  readonly contractScores?: ContractScoreLookup;
  /** The `datsis.ddl.dialect` setting; DDL diagnostics otherwise use the contract's first database server. */
  readonly ddlDialect?: string;
}
