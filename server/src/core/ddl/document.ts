/**
 * The generated SQL as one script with a banner per section (DDL, sample queries, quality checks). Kept apart from
 * the generator so the editor client can lay out the server's answer without bundling the generator itself.
 */
import { lineComment } from './identifiers';

export type DdlSection = 'ddl' | 'samples' | 'checks';

export interface DdlParts {
  readonly ddl: string;
  readonly samples: string;
  readonly checks: string;
}

const SECTION_TITLES: Readonly<Record<DdlSection, string>> = {
  ddl: 'DDL',
  samples: 'Sample queries',
  checks: 'Quality checks (each returns the failing count; passed = the rule\'s threshold holds)',
};

export function renderSqlDocument(parts: DdlParts, sections: readonly DdlSection[] = ['ddl', 'samples', 'checks']): string {
  const rule = `-- ${'='.repeat(76)}`;
  return sections.map((section) => `${rule}\n${lineComment(SECTION_TITLES[section])}\n${rule}\n\n${parts[section]}`).join('\n');
}
