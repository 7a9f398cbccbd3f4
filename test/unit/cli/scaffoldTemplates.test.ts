import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { scaffoldNames } from '../../../server/src/core/scaffold/names';
import { PLACEHOLDER, scaffold } from '../../../server/src/core/scaffold/templates';

function counter(): () => string {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
}

describe('scaffold templates', () => {
  it('derives every spelling from the name as typed', () => {
    assert.deepEqual(scaffoldNames('  Demand Forecast v2 '), { display: 'Demand Forecast v2', kebab: 'demand-forecast-v2', snake: 'demand_forecast_v2', title: 'Demand forecast v2' });
    assert.deepEqual(scaffoldNames('storeSalesDaily'), { display: 'storeSalesDaily', kebab: 'store-sales-daily', snake: 'store_sales_daily', title: 'Store sales daily' });
    assert.throws(() => scaffoldNames('—'), /no letters or digits/);
  });

  it('writes plain YAML whose placeholders are whole values, never keys', () => {
    for (const kind of ['product', 'contract'] as const) {
      for (const file of scaffold({ kind, name: 'Demand: "forecast" #1', domain: 'supply chain', newId: counter() })) {
        const document = parseDocument(file.text);
        assert.deepEqual(document.errors, [], file.fileName);
        for (const match of file.text.matchAll(PLACEHOLDER)) {
          const line = file.text.slice(file.text.lastIndexOf('\n', match.index) + 1, file.text.indexOf('\n', match.index));
          if (line.trimStart().startsWith('#')) continue;
          assert.match(line, /^\s*(- )?([A-Za-z]+: )?\$\{[^}]+\}$/, `${file.fileName}: ${line}`);
        }
      }
    }
  });

  it('links the product\'s output port to the new contract and quotes typed values safely', () => {
    const [product, contract] = scaffold({ kind: 'product', name: 'Demand: "forecast" #1', domain: 'supply chain', newId: counter() });
    const productValue = parseDocument(product!.text).toJS() as { id: string; name: string; domain: string; outputPorts: { contractId: string }[] };
    const contractValue = parseDocument(contract!.text).toJS() as { id: string; name: string; servers: { schema: string }[] };
    assert.equal(productValue.name, 'Demand: "forecast" #1');
    assert.equal(productValue.domain, 'supply chain');
    assert.equal(productValue.outputPorts[0]!.contractId, contractValue.id);
    assert.notEqual(productValue.id, contractValue.id);
    assert.equal(contractValue.name, 'demand_forecast_1');
    assert.equal(contractValue.servers[0]!.schema, 'supply_chain');
  });
});
