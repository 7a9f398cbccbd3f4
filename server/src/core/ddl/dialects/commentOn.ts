/**
 * `COMMENT ON TABLE` / `COMMENT ON COLUMN` statements, shared by the dialects that keep descriptions as separate
 * statements (PostgreSQL, DuckDB) and differ only in how they write a string literal.
 */
import type { LineSink, TableRef } from '../types';

/** Appends the table's and each described column's COMMENT ON statement to `out`. */
export function commentOn(out: LineSink, table: TableRef, description: string | undefined, columns: readonly { readonly sql: string }[],
  descriptions: readonly (string | undefined)[], literal: (text: string) => string): void {
  if (description) out.push(`COMMENT ON TABLE ${table.sql} IS ${literal(description)};`);
  const prefix = `COMMENT ON COLUMN ${table.sql}.`;
  for (let index = 0; index < columns.length; index++) {
    const text = descriptions[index];
    if (text) out.push(`${prefix}${columns[index]!.sql} IS ${literal(text)};`);
  }
}
