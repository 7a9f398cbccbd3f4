import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DATSIS_DOCS_URL, ruleDocUrl } from '../../../server/src/core/datsis/analyzer';
import { renderDatsisDoc } from '../../../server/src/core/datsis/docs';
import { RUBRIC } from '../../../server/src/core/datsis/rubric';

describe('docs/DATSIS.md', () => {
  const committed = readFileSync(resolve(__dirname, '../../../docs/DATSIS.md'), 'utf8');

  it('is up to date with the rubric (run `node scripts/gen-datsis-docs.mjs`)', () => {
    assert.equal(committed, renderDatsisDoc());
  });

  it('has a section for every rule at the anchor the diagnostics link to', () => {
    for (const rule of RUBRIC) {
      assert.ok(committed.includes(`\n### ${rule.id}\n`), rule.id);
      assert.equal(ruleDocUrl(rule.id), `${DATSIS_DOCS_URL}#${rule.id.toLowerCase()}`);
    }
    assert.ok(committed.includes('\n## Quality gate\n'));
  });
});
