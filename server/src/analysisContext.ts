/**
 * Builds the `AnalysisContext` for a document from the parts different features own: the workspace index,
 * the DATSIS rules (per workspace folder) and the contract-score lookup for products. Every feature that
 * analyses or scores asks this one factory, so diagnostics, code lens and `datsis/score` see the same context,
 * and anything that changes a context (a rules file edit, settings) tells all of them through `onDidChange`.
 */
import type { AnalysisContext } from './core/context';
import type { RulesConfig } from './core/datsis/config';
import type { ContractScoreLookup } from './core/datsis/score';
import type { WorkspaceView } from './core/workspace/types';

type Listener = () => void;

export class AnalysisContexts {
  private workspace: () => WorkspaceView | undefined = () => undefined;
  private rules: (uri: string) => RulesConfig | undefined = () => undefined;
  private contractScores: ((uri: string) => ContractScoreLookup) | undefined;
  private ddlDialect: () => string | undefined = () => undefined;
  private readonly listeners: Listener[] = [];

  /** The workspace index, once there is one. */
  provideWorkspace(workspace: () => WorkspaceView | undefined): void {
    this.workspace = workspace;
  }

  /** The effective DATSIS rules for a document. */
  provideRules(rules: (uri: string) => RulesConfig | undefined): void {
    this.rules = rules;
  }

  /** The contract-score lookup, created per document (it must not score the document itself). */
  provideContractScores(lookup: (uri: string) => ContractScoreLookup): void {
    this.contractScores = lookup;
  }

  /** The `datsis.ddl.dialect` setting, for the DDL diagnostics. */
  provideDdlDialect(dialect: () => string | undefined): void {
    this.ddlDialect = dialect;
  }

  create(uri: string): AnalysisContext {
    return { uri, workspace: this.workspace(), rules: this.rules(uri), contractScores: this.contractScores?.(uri), ddlDialect: this.ddlDialect() };
  }

  /** Something every context depends on changed (rules file, settings): re-analyse open documents. */
  onDidChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  fireDidChange(): void {
    for (const listener of this.listeners) listener();
  }
}
