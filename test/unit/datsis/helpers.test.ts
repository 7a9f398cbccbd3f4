import * as assert from 'node:assert/strict';
import { followsConvention, toConvention } from '../../../server/src/core/datsis/naming';
import { createPersonalDataMatcher } from '../../../server/src/core/datsis/personalData';
import { placeholderReason } from '../../../server/src/core/datsis/placeholders';
import { humanize, identifierWords } from '../../../server/src/core/datsis/words';

describe('DATSIS helpers', () => {
  it('splits identifiers in any convention into the same words', () => {
    for (const name of ['overrideByEmail', 'override_by_email', 'Override-By-Email', 'OVERRIDE_BY_EMAIL']) {
      assert.deepEqual(identifierWords(name), ['override', 'by', 'email'], name);
    }
    assert.deepEqual(identifierWords('IPAddress'), ['ip', 'address']);
    assert.equal(humanize('customer_loyalty_id'), 'Customer loyalty id');
  });

  it('checks and converts naming conventions', () => {
    const cases: [Parameters<typeof toConvention>[1], string][] = [
      ['snake_case', 'demand_forecast_v2'], ['camelCase', 'demandForecastV2'], ['PascalCase', 'DemandForecastV2'],
      ['kebab-case', 'demand-forecast-v2'], ['SCREAMING_SNAKE_CASE', 'DEMAND_FORECAST_V2'],
    ];
    for (const [convention, expected] of cases) {
      assert.equal(toConvention('demandForecast_v2', convention), expected);
      assert.ok(followsConvention(expected, convention), `${expected} is ${convention}`);
      assert.equal(followsConvention('demandForecast_v2', convention), false, convention);
    }
    assert.ok(followsConvention('Any-Thing at all', 'any'));
  });

  it('tells placeholders from real text', () => {
    assert.equal(placeholderReason('TODO'), 'placeholder');
    assert.equal(placeholderReason('todo: write this later'), 'placeholder');
    assert.equal(placeholderReason('N/A'), 'placeholder');
    assert.equal(placeholderReason('  '), 'empty');
    assert.equal(placeholderReason('Sales data.'), 'too-short');
    assert.equal(placeholderReason('Demand forecast', 'demand-forecast'), 'repeats-name');
    assert.equal(placeholderReason('Daily demand forecast per store and SKU for replenishment.'), undefined);
    assert.equal(placeholderReason('Describes the todo list app of the team.'), undefined);
  });

  it('spots personal data by name, whatever the convention, and not look-alikes', () => {
    const isPersonal = createPersonalDataMatcher([]);
    const personal = ['email', 'receiptEmail', 'e_mail', 'phone_number', 'mobileNumber', 'date_of_birth', 'birthDate', 'dob', 'street',
      'zip_code', 'postcode', 'ssn', 'national_id', 'passport_number', 'first_name', 'LastName', 'fullName', 'customer_name',
      'ip_address', 'clientIp', 'iban', 'customer_loyalty_id', 'customer_id', 'gender'];
    const notPersonal = ['store_name', 'sku', 'female_share', 'shipping_method', 'tip_amount', 'zipper_type', 'product_name', 'stock_age'];
    assert.deepEqual(personal.filter((name) => !isPersonal(name)), []);
    assert.deepEqual(notPersonal.filter((name) => isPersonal(name)), []);
  });

  it('adds workspace patterns, tested on the name as written and in snake_case, skipping invalid ones', () => {
    const isPersonal = createPersonalDataMatcher(['^member_', '(unclosed', 'badgeNo']);
    assert.ok(isPersonal('member_code'));
    assert.ok(isPersonal('memberCode'));
    assert.ok(isPersonal('BADGENO'));
    assert.equal(isPersonal('code'), false);
  });
});
