/**
 * The contract between the datsis client and server, defined once and imported by both sides (and by other
 * editors' integrations, which only need these method names and shapes). Plain types only: no LSP library
 * import, so the client, the server and the tests agree without pulling each other's dependencies.
 */

/** Where positions are zero-based line/character pairs in UTF-16 code units, as in LSP. */
export interface ProtocolRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface TextDocumentParams {
  textDocument: { uri: string };
}

/** Custom request and notification names. */
export const Methods = {
  /** Request: DATSIS score of one descriptor. Params `TextDocumentParams`, result `ScoreResult | null`. */
  score: 'datsis/score',
  /** Request: generated SQL for one contract. Params `DdlParams`, result `DdlResult | null`. */
  ddl: 'datsis/ddl',
  /** Notification (server -> client): the scores of these documents changed. Params `ScoresChangedParams`. */
  scoresChanged: 'datsis/scoresChanged',
  /**
   * Request: every product and contract in the workspace with its facts, score and the lineage edges between
   * them (the marketplace, lineage and report). Params none, result `WorkspaceSummary`.
   */
  workspaceSummary: 'datsis/workspaceSummary',
} as const;

export type DimensionId = 'discoverable' | 'addressable' | 'trustworthy' | 'selfDescribing' | 'interoperable' | 'secure';

export interface ScoreGap {
  rule: string;
  dimension: DimensionId;
  message: string;
  range: ProtocolRange;
  /**
   * Titles of the quick fixes the server offers for this gap (the same as the code actions' titles at
   * `range`), best first; empty when there is none. The score panel shows "Fix" from this and applies the
   * code action with this title, since several gaps often share one range.
   */
  fixes?: string[];
}

export interface ScoreResult {
  overall: number;
  level: string;
  dimensions: Record<DimensionId, number>;
  gaps: ScoreGap[];
}

export type { CatalogEntry, CatalogPort, LineageEdge, ScoreSummary, WorkspaceSummary } from './core/marketplace/types';

export interface ScoresChangedParams {
  uris: string[];
}

export const DIALECTS = ['exasol', 'postgres', 'snowflake', 'bigquery', 'databricks', 'duckdb'] as const;
export type DialectId = (typeof DIALECTS)[number];

export interface DdlParams extends TextDocumentParams {
  /** Omitted: the dialect of the contract's first database server. */
  dialect?: DialectId;
}

export interface DdlResult {
  /** The DDL (schema, tables, keys, comments, partitioning, grants). */
  sql: string;
  /** One sample query per table. */
  samples: string;
  /** The quality rules as SQL checks. */
  checks: string;
  /** The dialect used; absent (and the SQL empty) when none was given and the contract names no database server. */
  dialect?: DialectId;
}

/** The `datsis.*` settings, as the server receives them under the `datsis` section. */
export interface DatsisSettings {
  validate: { enable: boolean };
  detectByContent: boolean;
  trace: { server: 'off' | 'messages' | 'verbose' };
  ddl: { dialect: DialectId | '' };
  /** DATSIS scoring in the editor: `enable` switches diagnostics, code lens and status bar; `severity` maps rule id -> severity. */
  score: { enable: boolean; severity: Record<string, 'error' | 'warning' | 'information' | 'hint'> };
}

export const DEFAULT_SETTINGS: DatsisSettings = {
  validate: { enable: true },
  detectByContent: true,
  trace: { server: 'off' },
  ddl: { dialect: '' },
  score: { enable: true, severity: {} },
};

/** Language ids the extension contributes; the server still decides by content. */
export const LanguageIds = { contract: 'odcs', product: 'odps' } as const;

/** Command ids contributed by the client; declared here so tests and docs use the same strings. */
export const Commands = {
  showOutput: 'datsis.showOutput',
  restartServer: 'datsis.restartServer',
  showScore: 'datsis.showScore',
  /** Writes the workspace report (Markdown + HTML); optional argument: the target `.md` URI. */
  workspaceReport: 'datsis.workspaceReport',
  /** Re-reads the workspace summary into the marketplace and lineage views. */
  refreshMarketplace: 'datsis.refreshMarketplace',
  /** Scaffolds a new data product (the walkthrough's first step). */
  newProduct: 'datsis.newProduct',
  previewDdl: 'datsis.previewDdl',
  copyDdl: 'datsis.copyDdl',
  saveDdl: 'datsis.saveDdl',
  selectDdlDialect: 'datsis.selectDdlDialect',
} as const;
