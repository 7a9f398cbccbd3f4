/**
 * The core's own vocabulary. Nothing here knows about LSP or VS Code: positions are UTF-16 offsets into the
 * document text (the unit JavaScript strings and LSP both use), so the CLI, the tests and the server can share
 * every result and convert at the edge.
 */

/** A half-open range `[start, end)` of UTF-16 offsets into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Which layer produced a finding; shown to users as the diagnostic source. */
export type FindingSource = 'yaml' | 'schema' | 'semantic' | 'DATSIS' | 'ddl' | 'internal';

/** One problem or gap found in a descriptor, placed on the node where the fix belongs. */
export interface Finding {
  readonly span: Span;
  readonly message: string;
  readonly severity: Severity;
  /** Stable machine-readable id, e.g. `yaml/duplicate-key`, `schema/enum`, `D-purpose`. */
  readonly code: string;
  readonly source: FindingSource;
  /** Link to the documentation of `code`, where one exists. */
  readonly docUrl?: string;
  /** Extra facts a quick-fix needs (a suggested value, a missing key...). Plain JSON only. */
  readonly data?: unknown;
}

/** The descriptor kinds datsis understands, decided from the document's content, never from its file name. */
export type DescriptorKind = 'DataContract' | 'DataProduct';

/** A path into the YAML value, as ajv and JSON Pointer see it. */
export type ValuePath = readonly (string | number)[];
