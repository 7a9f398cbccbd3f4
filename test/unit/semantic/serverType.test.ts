import * as assert from 'node:assert/strict';
import { checkRule } from '../../../server/src/core/semantic/rule';
import { KNOWN_SERVER_TYPES, serverTypeRule } from '../../../server/src/core/semantic/serverType';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers } from './harness';

describe('semantic rule: server types', () => {
  it('accepts exasol, which ODCS 3.2 adds', () => {
    assert.ok(KNOWN_SERVER_TYPES.includes('exasol'));
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}servers:\n  - server: dwh\n    type: exasol\n    host: exa.example.com\n    port: 8563\n    database: sales\n`, 'semantic/'));
  });

  it('leaves an unknown type to the schema when the schema rejects it (no double report)', () => {
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}servers:\n  - server: dwh\n    type: postgress\n`, 'semantic/'));
  });

  it('reports an unknown type with a suggestion when the schema did not', () => {
    const problems = checkRule(serverTypeRule, {
      value: { servers: [{ server: 'dwh', type: 'snowflak' }] }, kind: 'DataContract', uri: 'file:///x', workspace: undefined, schemaFlagged: () => false,
    });
    assert.equal(problems.length, 1);
    assert.deepEqual(problems[0]!.path, ['servers', 0, 'type']);
    assert.match(problems[0]!.message, /did you mean `snowflake`\?/);
  });
});
