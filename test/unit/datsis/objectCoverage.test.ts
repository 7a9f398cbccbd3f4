/**
 * The per-object coverage helper: what makes scoring cheap per keystroke is that an edit recomputes the tally of
 * the object it touched and nothing else, and that combining tallies gives what one pass over the document gives.
 */
import * as assert from 'node:assert/strict';
import { environmentFor } from '../../../server/src/core/datsis/environment';
import { GAP_BUILD_LIMIT } from '../../../server/src/core/datsis/checks/helpers';
import { perObjectCoverage } from '../../../server/src/core/datsis/checks/objectCoverage';
import { DEFAULT_RULES_CONFIG, mergeRulesConfig } from '../../../server/src/core/datsis/config';
import { buildModel, text, type PropertyEntry } from '../../../server/src/core/datsis/model';
import { onItemName } from '../../../server/src/core/datsis/place';
import { reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';

/** `objects` schema objects of `properties` properties; every third property has a description. */
function contract(objects: number, properties: number): string {
  const lines = ['apiVersion: v3.1.0', 'kind: DataContract', 'schema:'];
  for (let o = 0; o < objects; o++) {
    lines.push(`  - name: table_${o}`, '    properties:');
    for (let p = 0; p < properties; p++) {
      lines.push(`      - name: col_${o}_${p}`);
      if (p % 3 === 0) lines.push('        description: Described.');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A description rule that counts the objects it looks at and reads the naming convention as its context. */
function countingRule() {
  const seen: string[] = [];
  const check = perObjectCoverage({
    context: (environment) => environment.config.naming.convention,
    items: (object): readonly PropertyEntry[] => {
      seen.push(object.name ?? '?');
      return object.properties;
    },
    isSatisfied: (property: PropertyEntry) => text(property.value.description),
    gapFor: (property: PropertyEntry, _object, convention) => ({ at: onItemName(property.path), message: `${property.name ?? '?'} (${convention})` }),
  });
  return { check, seen };
}

const environment = environmentFor({ uri: 'file:///ws/a.odcs.yaml', workspace: undefined });
const score = (check: ReturnType<typeof countingRule>['check'], parsed: ParsedDescriptor, env = environment) => check(buildModel('DataContract', parsed.value), env);

describe('DATSIS per-object coverage', () => {
  it('recomputes only the object an edit touched', () => {
    const { check, seen } = countingRule();
    let text = contract(20, 6);
    let parsed = parseDescriptor(text);
    score(check, parsed);
    assert.equal(seen.length, 20);
    seen.length = 0;
    const at = text.indexOf('\n', text.indexOf('name: col_7_4'));
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    parsed = reparseDescriptor(parsed, text, 0);
    const result = score(check, parsed);
    assert.deepEqual(seen, ['table_7']);
    assert.deepEqual(result, score(countingRule().check, parseDescriptor(text)));
  });

  it('recomputes every object when its context changes', () => {
    const { check, seen } = countingRule();
    const parsed = parseDescriptor(contract(5, 3));
    score(check, parsed);
    seen.length = 0;
    const camel = environmentFor({ uri: 'file:///ws/a.odcs.yaml', workspace: undefined, rules: mergeRulesConfig(DEFAULT_RULES_CONFIG, { naming: { convention: 'camelCase' } }) });
    const result = score(check, parsed, camel);
    assert.equal(seen.length, 5);
    assert.match(result.gaps[0]!.message, /camelCase/);
  });

  it('combines tallies into the share, the failing count and the first gaps of the whole document', () => {
    // 40 objects x 9 properties, 6 of each undescribed: 240 failing, more than the gaps listed.
    const result = score(countingRule().check, parseDescriptor(contract(40, 9)));
    assert.equal(result.satisfied, 120 / 360);
    assert.equal(result.gapCount, 240);
    assert.equal(result.gaps.length, GAP_BUILD_LIMIT);
    assert.match(result.gaps[0]!.message, /^col_0_1 /);
    // 6 gaps per object: the last listed gap is the 200th, the second of object 33.
    assert.match(result.gaps[GAP_BUILD_LIMIT - 1]!.message, /^col_33_2 /);
  });
});
