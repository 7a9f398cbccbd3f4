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
} as const;

export type DimensionId = 'discoverable' | 'addressable' | 'trustworthy' | 'selfDescribing' | 'interoperable' | 'secure';

export interface ScoreGap {
  rule: string;
  dimension: DimensionId;
  message: string;
  range: ProtocolRange;
}

export interface ScoreResult {
  overall: number;
  level: string;
  dimensions: Record<DimensionId, number>;
  gaps: ScoreGap[];
}

export interface ScoresChangedParams {
  uris: string[];
}

export const DIALECTS = ['exasol', 'postgres', 'snowflake', 'bigquery', 'databricks', 'duckdb'] as const;
export type DialectId = (typeof DIALECTS)[number];

export interface DdlParams extends TextDocumentParams {
  dialect: DialectId;
}

export interface DdlResult {
  sql: string;
  samples: string;
  checks: string;
}

/** The `datsis.*` settings, as the server receives them under the `datsis` section. */
export interface DatsisSettings {
  validate: { enable: boolean };
  detectByContent: boolean;
  trace: { server: 'off' | 'messages' | 'verbose' };
  ddl: { dialect: DialectId | '' };
}

export const DEFAULT_SETTINGS: DatsisSettings = {
  validate: { enable: true },
  detectByContent: true,
  trace: { server: 'off' },
  ddl: { dialect: '' },
};

/** Language ids the extension contributes; the server still decides by content. */
export const LanguageIds = { contract: 'odcs', product: 'odps' } as const;

/** Command ids contributed by the client; declared here so tests and docs use the same strings. */
export const Commands = {
  showOutput: 'datsis.showOutput',
  restartServer: 'datsis.restartServer',
  showScore: 'datsis.showScore',
  previewDdl: 'datsis.previewDdl',
} as const;
