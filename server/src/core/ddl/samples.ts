/**
 * One sample query per table, for the "first query in five minutes": the key columns and the described columns
 * (the ones the contract explains), ten rows. All six dialects accept `LIMIT`.
 */
import { lineComment } from './identifiers';
import type { DdlPlan, TablePlan } from './plan';
import { SectionText } from './sectionText';

export const SAMPLE_ROWS = 10;

/** The sample query of each table plan (plans of unchanged tables are reused after an edit, see plan.ts). */
const SAMPLES = new WeakMap<TablePlan, string>();

function rememberSample(table: TablePlan, sql: string): void {
  SAMPLES.set(table, sql);
}

function sampleQuery(table: TablePlan): string {
  // Key columns first, in key order, then the other described columns in table order.
  const chosen = table.primaryKey.map((column) => column.sql);
  const { columns: all } = table;
  for (let index = 0; index < all.length; index++) {
    const column = all[index]!;
    if (column.property.description && !table.primaryKey.includes(column)) chosen.push(column.sql);
  }
  const columns = chosen.length ? chosen : all.map((column) => column.sql);
  const about = lineComment(`${table.ref.name}: ${chosen.length ? 'key and described columns' : 'all columns'}, first ${SAMPLE_ROWS} rows`);
  return `${about}\nSELECT ${columns.join(', ')}\nFROM ${table.ref.sql}\nLIMIT ${SAMPLE_ROWS};`;
}

export function renderSamples(plan: DdlPlan): string {
  if (!plan.tables.length) return `${lineComment('No tables in this contract.')}\n`;
  const out = new SectionText<TablePlan>('\n\n', rememberSample);
  for (const table of plan.tables) {
    const start = out.mark();
    out.push(SAMPLES.get(table) ?? sampleQuery(table));
    out.endItem(table, start);
  }
  return `${out.text()}\n`;
}
