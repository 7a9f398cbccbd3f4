/**
 * The loop every "incremental equals fresh" property test runs: type random edits into the example contracts, each
 * through the incremental reparse, and hand each version to the test together with a fresh parse of the same text.
 * Whether the reparse itself equals a full parse is the yaml tests' business: a version where it does not is
 * skipped (and the next edit continues from the fresh parse), so each test checks its own layer only.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { reparseDescriptor } from '../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../server/src/core/yaml/parse';
import { applyEdit, edit } from '../unit/yaml/yamlEdits';
import { readExamples } from './examples';

/**
 * Runs `check(incremental, fresh)` after every edit (the first call, `warm`, sees the unedited parse so per-object
 * memos are filled as a server's would be). Returns how many versions took the incremental path.
 */
export function typeIntoExampleContracts(warm: (parsed: ParsedDescriptor) => void, check: (incremental: ParsedDescriptor, fresh: ParsedDescriptor) => void, numRuns = 40): number {
  const contracts = readExamples().filter((file) => file.name.endsWith('.odcs.yaml'));
  let incremental = 0;
  fc.assert(fc.property(fc.constantFrom(...contracts), fc.array(edit, { minLength: 1, maxLength: 8 }), (file, edits) => {
    let text = file.text;
    let parsed = parseDescriptor(text);
    warm(parsed);
    for (const change of edits) {
      text = applyEdit(text, change).text;
      const next = reparseDescriptor(parsed, text, 0);
      const fresh = parseDescriptor(text);
      if (!isDeepStrictEqual(next.value, fresh.value)) {
        parsed = fresh;
        continue;
      }
      if (next.document === parsed.document) incremental++;
      parsed = next;
      check(parsed, fresh);
    }
  }), { numRuns, seed: 20261126 });
  return incremental;
}
