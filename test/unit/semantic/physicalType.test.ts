import * as assert from 'node:assert/strict';
import { physicalFamily } from '../../../server/src/core/semantic/physicalType';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers } from './harness';

const property = (logicalType: string, physicalType: string): string => `${CONTRACT_HEADER}schema:\n  - name: orders\n    physicalType: table\n    properties:\n      - name: p\n        logicalType: ${logicalType}\n        physicalType: ${physicalType}\n`;

describe('semantic rule: physicalType agrees with logicalType', () => {
  it('sorts dialect spellings into families', () => {
    assert.equal(physicalFamily('VARCHAR(10)')?.family, 'text');
    assert.equal(physicalFamily('DECIMAL(12, 2)')?.scale, 2);
    assert.equal(physicalFamily('ARRAY<STRING>')?.family, 'array');
    assert.equal(physicalFamily('int[]')?.family, 'array');
    assert.equal(physicalFamily('timestamp with time zone')?.family, 'timestamp');
    assert.equal(physicalFamily('geography'), undefined);
  });

  for (const [logical, physical] of [['integer', 'BIGINT'], ['integer', 'NUMBER(10)'], ['number', 'decimal(12,2)'], ['string', 'varchar(20)'], ['date', 'date'], ['timestamp', 'TIMESTAMP_NTZ'], ['boolean', 'bool'], ['string', 'geography']]) {
    it(`accepts ${logical} stored as ${physical}`, () => {
      expectFindingsAtMarkers(checkMarked(property(logical!, physical!), 'semantic/'));
    });
  }

  it('warns when an integer is stored as text, on the physicalType', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(property('integer', '‹varchar(10)›'), 'semantic/'));
    assert.equal(finding!.severity, 'warning');
    assert.match(finding!.message, /stores text, but `logicalType` is `integer`/);
  });

  it('warns when an integer is stored with decimal places', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(property('integer', '‹decimal(10,2)›'), 'semantic/'));
    assert.match(finding!.message, /2 decimal places/);
  });
});
