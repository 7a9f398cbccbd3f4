/**
 * One sample query per table, for the "first query in five minutes": the key columns and the described columns
 * (the ones the contract explains), ten rows. All six dialects accept `LIMIT`.
 */
import { lineComment } from './identifiers';
import type { ColumnPlan, DdlPlan } from './plan';

export const SAMPLE_ROWS = 10;

export function renderSamples(plan: DdlPlan): string {
  const blocks = plan.tables.map((table) => {
    const chosen = new Set<ColumnPlan>(table.primaryKey);
    for (const column of table.columns) if (column.property.description) chosen.add(column);
    const columns = chosen.size ? [...chosen] : table.columns;
    return [
      lineComment(`${table.ref.name}: ${chosen.size ? 'key and described columns' : 'all columns'}, first ${SAMPLE_ROWS} rows`),
      `SELECT ${columns.map((column) => column.sql).join(', ')}\nFROM ${table.ref.sql}\nLIMIT ${SAMPLE_ROWS};`,
    ].join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : `${lineComment('No tables in this contract.')}\n`;
}
