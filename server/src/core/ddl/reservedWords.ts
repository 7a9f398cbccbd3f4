/**
 * Words each dialect will not accept as an unquoted identifier. A name on its dialect's list is always quoted, so a
 * column called `order`, `user` or `value` can never break the generated script. The lists come from the vendors'
 * keyword references (linked in CONTRIBUTING.md, "SQL dialect references"); the PostgreSQL and DuckDB lists are also
 * compared with the live engines' catalogues (`pg_get_keywords()`, `duckdb_keywords()`) by the engine tests.
 *
 * Quoting a word that did not need it is harmless, so where a vendor's list is version-dependent we keep the union.
 */
import type { DialectId } from './types';

function words(text: string): ReadonlySet<string> {
  return new Set(text.split(/\s+/).filter(Boolean).map((word) => word.toUpperCase()));
}

/** PostgreSQL: keywords of category "reserved" and "reserved (can be function or type)". */
const POSTGRES = words(`
  all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation
  column concurrently constraint create cross current_catalog current_date current_role current_schema current_time
  current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze
  from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit
  localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references
  returning right select session_user similar some symmetric system_user table tablesample then to trailing true union
  unique user using variadic verbose when where window with`);

/** DuckDB: keywords of category "reserved" and "type_function" (`duckdb_keywords()`). */
const DUCKDB = words(`
  all analyse analyze and anti any array as asc asof asymmetric at authorization binary both by case cast check collate
  collation column columns concurrently constraint create cross default deferrable desc describe distinct do else end
  except false fetch for foreign freeze from full generated glob group having ilike in initially inner intersect into
  is isnull join lambda lateral leading left like limit map natural not notnull null offset on only or order outer
  overlaps pivot pivot_longer pivot_wider placing positional primary qualify references returning right select semi
  show similar some struct summarize symmetric table tablesample then to trailing true try_cast union unique unpack
  unpivot using variadic verbose when where window with`);

/** Exasol: the reserved words of `EXA_SQL_KEYWORDS` (union of versions 7, 8 and 2025.x). */
const EXASOL = words(`
  absolute action add after all allocate alter and any append are array as asc asensitive assertion at attribute
  authid authorization before begin between bigint binary bit blob blocked bool boolean both by byte call called
  cardinality cascade cascaded case casespecific cast catalog chain char character characteristics
  character_set_catalog character_set_name character_set_schema check checked clob close coalesce collate collation
  collation_catalog collation_name collation_schema column commit condition connection connect_by_iscycle
  connect_by_isleaf connect_by_root constant constraint constraints constraint_state_default constructor contains
  continue control convert corresponding create cs csv cube current current_cluster current_cluster_uid current_date
  current_path current_role current_schema current_session current_statement current_time current_timestamp
  current_user cursor cycle data datalink date datetime_interval_code datetime_interval_precision day dbtimezone
  deallocate dec decimal declare default default_like_escape_character deferrable deferred defined definer delete
  deref derived desc describe descriptor deterministic disable disabled disconnect dispatch distinct dlurlcomplete
  dlurlpath dlurlpathonly dlurlscheme dlurlserver dlvalue do domain double drop dynamic dynamic_function
  dynamic_function_code each else elseif elsif emits enable enabled end end-exec endif enforce equals errors escape
  except exception exec execute exists exit export external extract false fbv fetch file final first float following
  for forall force format found free from fs full function general generated geometry get global go goto grant
  granted group grouping groups group_concat hashtype hashtype_format having high hold hour identity if ifnull
  immediate impersonate implementation import in index indicator inner inout input insensitive insert instance
  instantiable int integer integrity intersect interval into inverse invoker is iterate join key_member key_type large
  last lateral ldap leading leave left level like limit listagg local localtime localtimestamp locator log longvarchar
  loop low map match matched merge method minus minute mod modifies modify module month names national natural nchar
  nclob new next nls_date_format nls_date_language nls_first_day_of_week nls_numeric_characters nls_timestamp_format
  no nocycle nologging none not null nullif number numeric nvarchar nvarchar2 object of off old on only open option
  options or order ordering ordinality others out outer output over overlaps overlay overriding pad parallel_enable
  parameter parameter_specific_catalog parameter_specific_name parameter_specific_schema partial path permission
  placing plus position preceding preferring prepare preserve prior privileges procedure profile qualify random range
  read reads real recovery recursive ref references referencing refresh regexp_like relative release rename repeat
  replace restore restrict result return returned_length returned_octet_length returns revoke right rollback rollup
  routine row rows rowtype savepoint schema scope scope_user script scroll search second section security select
  selective self sensitive separator sequence session sessiontimezone session_user set sets shortint similar smallint
  some source space specific specifictype sql sqlexception sqlstate sqlwarning sql_bigint sql_bit sql_char sql_date
  sql_decimal sql_double sql_float sql_integer sql_longvarchar sql_numeric sql_preprocessor_script sql_real
  sql_smallint sql_timestamp sql_tinyint sql_type_date sql_type_timestamp sql_varchar start state statement static
  structure style substring subtype sysdate system system_user systimestamp table temporary text then time timestamp
  timezone_hour timezone_minute tinyint to trailing transaction transform transforms translation treat trigger trim
  true truncate under union unique unknown unlink unnest until update usage user using value values varchar varchar2
  varray verify view when whenever where while window with within without work year yes zone`);

/** Snowflake: "Reserved & limited keywords" (reserved by ANSI or by Snowflake). */
const SNOWFLAKE = words(`
  account all alter and any as asc between by case cast check column connect connection constraint create cross
  current current_date current_time current_timestamp current_user database delete desc distinct drop else exists
  false following for from full grant group gscluster having ilike in increment inner insert intersect into is issue
  join lateral left like limit localtime localtimestamp minus natural not null of on or order organization qualify
  regexp revoke right rlike row rows sample schema select set some start table tablesample then to trigger true
  try_cast union unique update using values view when whenever where window with`);

/** BigQuery (GoogleSQL): the reserved keywords of the lexical structure reference. */
const BIGQUERY = words(`
  all and any array as asc assert_rows_modified at between by case cast collate contains create cross cube current
  default define desc distinct else end enum escape except exclude exists extract false fetch following for from full
  group grouping groups hash having if ignore in inner intersect interval into is join lateral left like limit lookup
  merge natural new no not null nulls of on or order outer over partition preceding proto qualify range recursive
  respect right rollup rows select set some struct tablesample then to treat true unbounded union unnest using when
  where window with within`);

/**
 * Databricks: the words that must be back-ticked as aliases, plus the ANSI reserved keywords that Databricks Runtime
 * rejects as identifiers when `spark.sql.ansi.enforceReservedKeywords` is on.
 */
const DATABRICKS = words(`
  all and anti any as authorization both case cast check collate column constraint create cross current_date
  current_time current_timestamp current_user default distinct else end escape except false fetch filter for foreign
  from full grant group having in inner intersect into is join lateral leading left minus natural not null of on only
  or order outer overlaps primary references right select semi session_user some table then time to trailing true
  union unique unknown user using when where with`);

export const RESERVED_WORDS: Readonly<Record<DialectId, ReadonlySet<string>>> = {
  exasol: EXASOL,
  postgres: POSTGRES,
  snowflake: SNOWFLAKE,
  bigquery: BIGQUERY,
  databricks: DATABRICKS,
  duckdb: DUCKDB,
};

/** Whether a name has ASCII upper-case letters (regular identifiers have no others). */
export const HAS_UPPER = /[A-Z]/;

/**
 * A reserved-word list prepared for the tens of thousands of names a large contract asks about: the words in upper and in
 * lower case (the usual lower-case names are looked up without making an upper-case copy), and a bitmap of
 * (first letter, last letter, length) shapes that rules out almost every name without hashing it at all.
 */
export class ReservedWords {
  readonly upper: ReadonlySet<string>;
  readonly lower: ReadonlySet<string>;
  private readonly shapes = new Uint8Array(32 * 32 * 32);

  constructor(words: ReadonlySet<string>) {
    this.upper = words;
    this.lower = new Set([...words].map((word) => word.toLowerCase()));
    for (const word of words) this.shapes[shape(word)] = 1;
  }

  /** Whether a regular (ASCII) identifier is one of the words, in any case; `upper`: it has upper-case letters. */
  has(name: string, upper: boolean): boolean {
    if (this.shapes[shape(name)] === 0) return false;
    return upper ? this.upper.has(name.toUpperCase()) : this.lower.has(name);
  }
}

/** Letters map to the same shape in either case (`& 31`); other characters may share a shape, which only costs a lookup. */
function shape(word: string): number {
  const length = word.length;
  if (length === 0) return 0;
  return ((word.charCodeAt(0) & 31) << 10) | ((word.charCodeAt(length - 1) & 31) << 5) | Math.min(length, 31);
}

const RESERVED = new WeakMap<ReadonlySet<string>, ReservedWords>();

/** The prepared lookup of a word list, made once per list. */
export function reservedWords(words: ReadonlySet<string>): ReservedWords {
  let prepared = RESERVED.get(words);
  if (!prepared) RESERVED.set(words, (prepared = new ReservedWords(words)));
  return prepared;
}

/** Whether a regular (ASCII) identifier is one of `words` (a list above), in any case. */
export function isReservedWord(words: ReadonlySet<string>, name: string): boolean {
  return reservedWords(words).has(name, HAS_UPPER.test(name));
}
