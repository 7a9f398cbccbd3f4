/**
 * The vocabulary of DDL generation: dialect ids, SQL types, the problems generation finds, and the `Dialect`
 * description every dialect module fills in. The generator is written once against `Dialect`; everything that
 * differs between engines (quoting, types, clauses) is data or a small hook here, so adding a dialect means adding
 * one file under `dialects/`, not editing the generator.
 */
import type { ValuePath } from '../types';

/** The dialect ids shared by the `datsis.ddl.dialect` setting, the CLI and the `datsis/ddl` request. */
export const DDL_DIALECTS = ['exasol', 'postgres', 'snowflake', 'bigquery', 'databricks', 'duckdb'] as const;
export type DialectId = (typeof DDL_DIALECTS)[number];

export function isDialectId(value: unknown): value is DialectId {
  return typeof value === 'string' && (DDL_DIALECTS as readonly string[]).includes(value);
}

/** What kind of value a column holds; used to pick check expressions and to match foreign key column types. */
export type TypeFamily =
  | 'string' | 'uuid' | 'integer' | 'decimal' | 'float' | 'boolean' | 'date' | 'time' | 'timestamp' | 'binary'
  | 'json' | 'array' | 'struct' | 'map' | 'other';

export interface SqlType {
  readonly sql: string;
  readonly family: TypeFamily;
}

export type DdlProblemCode =
  | 'ddl/unknown-type'
  | 'ddl/invalid-physical-type'
  | 'ddl/name-collision'
  | 'ddl/unknown-column'
  | 'ddl/unresolved-relationship';

/** A descriptor problem found while generating; becomes a diagnostic on `path` and a comment in the SQL. */
export interface DdlProblem {
  readonly code: DdlProblemCode;
  readonly message: string;
  readonly path: ValuePath;
  readonly severity: 'error' | 'warning';
}

/** How a dialect writes names: which names may stay bare, how the engine folds them, how to quote the rest. */
export interface IdentifierRules {
  /** Names matching this pattern (and not reserved) are written without quotes. */
  readonly regular: RegExp;
  readonly quote: '"' | '`';
  /** How the engine stores an unquoted name: `upper` (Exasol, Snowflake), `lower` (PostgreSQL) or as written. */
  readonly fold: 'upper' | 'lower' | 'none';
  /** True when even quoted names are matched without regard to case (BigQuery columns, Databricks, DuckDB). */
  readonly caseInsensitive: boolean;
  /** Escapes the body of a quoted name (doubling the quote, or a backslash escape). */
  escape(name: string): string;
  readonly reserved: ReadonlySet<string>;
}

/** One type name a dialect accepts as `physicalType`, with the number of numeric parameters it takes. */
export interface PhysicalTypeSpec {
  /** How the name is written in generated SQL, e.g. `DOUBLE PRECISION`. */
  readonly canonical: string;
  readonly family: TypeFamily;
  /** Allowed count of numeric parameters `(p[, s])`; default none. */
  readonly args?: readonly [min: number, max: number];
  /** Returns why the parameters are out of range, or undefined when they are fine. */
  readonly checkArgs?: (args: readonly number[]) => string | undefined;
  /** Container types: `array` takes one element type, `map` two, `struct` named fields. */
  readonly container?: 'array' | 'map' | 'struct';
  /** Custom rendering when parameters do not simply follow the name (`TIMESTAMP(3) WITH TIME ZONE`). */
  readonly render?: (args: readonly number[]) => string;
  /** Rendering of a map from its rendered key and value types (`MAP(K, V)` in DuckDB, `MAP<K, V>` elsewhere). */
  readonly renderChildren?: (children: readonly string[]) => string;
}

/** The ODCS logical types that map to a single column type (objects and arrays are built from these). */
export const SCALAR_LOGICAL_TYPES = ['string', 'date', 'timestamp', 'time', 'integer', 'number', 'boolean'] as const;
export type ScalarLogicalType = (typeof SCALAR_LOGICAL_TYPES)[number];

/** Everything a logical type mapping needs about one property. */
export interface LogicalTypeInput {
  readonly logicalType: ScalarLogicalType;
  readonly options: Readonly<Record<string, unknown>>;
  /** Length, precision and scale taken from a `physicalType` that was not usable as such, e.g. `varchar(18)`. */
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
}

/** A logical mapping: the SQL type, and a note for the DDL when the dialect has no exact equivalent. */
export interface MappedType extends SqlType {
  readonly note?: string;
}

export interface TableRef {
  /** The qualified, quoted name, e.g. `pos."Orders"`. */
  readonly sql: string;
  /** The table's own identifier as written in SQL, without the namespace, e.g. `"Orders"`. */
  readonly localSql: string;
  /** The unqualified name as written in the contract, for comments. */
  readonly name: string;
}

export interface TableClauseInput {
  readonly table: TableRef;
  readonly description: string | undefined;
  readonly partitionColumns: readonly { readonly sql: string; readonly type: SqlType; readonly options: Readonly<Record<string, unknown>> }[];
  /** Columns of the Exasol distribution key (custom property `exasolDistributeBy`), already quoted. */
  readonly distributeColumns: readonly string[];
}

/** Where rendering appends lines: an array, or the section being written (sectionText.ts). */
export interface LineSink {
  push(line: string): unknown;
}

/** Result of a dialect hook that may not be able to express something: SQL, or a comment saying why not. */
export type Rendered = { readonly sql: string } | { readonly comment: string };

export interface Dialect {
  readonly id: DialectId;
  /** The vendor's product name, for titles and comments. */
  readonly label: string;
  readonly identifiers: IdentifierRules;
  /** A string literal that reproduces `text` exactly, whatever it contains. */
  stringLiteral(text: string): string;
  /** Longest description the engine keeps as a comment; longer ones are shortened with an ellipsis. */
  readonly maxCommentLength?: number;
  readonly physicalTypes: Readonly<Record<string, PhysicalTypeSpec>>;
  /** PostgreSQL and DuckDB write arrays as `element[]`. */
  readonly arraySuffix: boolean;
  mapLogical(input: LogicalTypeInput): MappedType;
  /** The array type of `element`, or undefined when the dialect cannot nest it (then a JSON fallback is used). */
  arrayOf(element: SqlType): SqlType | undefined;
  /** A typed record of named fields, or undefined when the dialect has none (then a JSON fallback is used). */
  structOf(fields: readonly { readonly name: string; readonly type: SqlType }[]): SqlType | undefined;
  /** The type used when a nested value has no typed form here. */
  readonly jsonFallback: MappedType;
  /** Whether `NOT NULL` may be written for a column of this type (BigQuery arrays never hold NULL). */
  allowsNotNull(type: SqlType): boolean;

  /** `CREATE SCHEMA ...` for the namespace of the contract's server, or undefined when nothing is needed. */
  createSchema(namespace: readonly string[]): string | undefined;
  /** Makes `namespace` the default for unqualified names, so hand-written `type: sql` checks find their tables. */
  useNamespace(namespace: readonly string[]): string;
  /** The namespace parts (database, schema, ...) a server entry of this dialect names. */
  namespaceOf(server: Readonly<Record<string, unknown>>): readonly string[];

  /** Suffixes after key constraints: `' NOT ENFORCED'` where keys are informational, `' ENABLE'` on Exasol. */
  readonly keys: {
    readonly primaryKey: string;
    readonly foreignKey: string;
    /** Undefined when the dialect has no UNIQUE constraint. */
    readonly unique: string | undefined;
    /** What a foreign key may point to: only a primary key, or a primary key or a unique column. */
    readonly targets: 'primaryKey' | 'primaryKeyOrUnique';
    /** False when constraints can only be declared inside `CREATE TABLE` (DuckDB). */
    readonly alterTableAdd: boolean;
    /** Whether a column of this type can be part of a primary key or unique constraint. */
    readonly keyable: (type: SqlType) => boolean;
  };
  /** What follows the type in a column definition to carry its description (may be empty). */
  columnComment(text: string): string;
  /** Clauses after the closing parenthesis of `CREATE TABLE` (partitioning, comment, options). */
  tableClauses(input: TableClauseInput): { readonly clauses: readonly string[]; readonly comments: readonly string[] };
  /**
   * Appends the statements after `CREATE TABLE` (COMMENT ON, ALTER TABLE ... PARTITION BY) to `out`. `descriptions`
   * holds each column's description, index by index; appending in place spares an array per table.
   */
  afterTable(out: LineSink, input: TableClauseInput, columns: readonly { readonly sql: string }[], descriptions: readonly (string | undefined)[]): void;
  /** `GRANT` of the ODCS role's access on a table. */
  grant(table: TableRef, role: string, access: 'read' | 'write'): Rendered;

  /** A boolean expression true when `text` (a string expression) does not match the ECMAScript-style `pattern`. */
  notMatching(text: string, pattern: string): string;
  /** Casts any expression to the dialect's string type, for comparisons with literal lists. */
  castToText(expression: string): string;
}
