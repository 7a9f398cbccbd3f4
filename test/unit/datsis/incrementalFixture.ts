/**
 * A contract built to trip as many DATSIS rules as possible at once, for the incremental-scoring tests: every
 * schema object mixes documented and undocumented properties, personal-looking names (some classified `public`),
 * names in the wrong convention, non-standard logical types, nested properties, critical data elements with and
 * without quality rules, and no property has a `businessName`, so S-business-name has more than
 * `GAP_BUILD_LIMIT` gaps and the "N more gaps" message is reached. Which property gets what is decided by its
 * position, so each object differs from its neighbours and an edit changes only the object it touches.
 */
import { stringify } from 'yaml';

const NAMES = ['col', 'contact_email', 'customerId', 'birth_date', 'OrderTotal', 'note', 'ip_address', 'amount'];
const DESCRIPTIONS = [undefined, 'TODO', 'What the column holds, in the words of the business.', 'short'];
const CLASSIFICATIONS = [undefined, 'public', 'restricted', 'internal', 'Confidential'];
const LOGICAL_TYPES = ['string', 'int', undefined, 'integer', 'date', 'varchar', 'number'];

function property(objectIndex: number, index: number): Record<string, unknown> {
  const pick = <T>(list: readonly T[], salt: number): T => list[(index * 7 + objectIndex * 3 + salt) % list.length]!;
  const name = `${pick(NAMES, 0)}_${index}`;
  const result: Record<string, unknown> = { name };
  const logicalType = pick(LOGICAL_TYPES, 1);
  if (logicalType) result.logicalType = logicalType;
  if (index % 3 === 0) result.physicalType = 'varchar(40)';
  const description = pick(DESCRIPTIONS, 2);
  if (description) result.description = description;
  const classification = pick(CLASSIFICATIONS, 3);
  if (classification) result.classification = classification;
  if (index % 5 === 1) result.examples = ['A-1'];
  if (index === 0 && objectIndex % 2 === 0) result.primaryKey = true;
  if (index % 6 === 2) result.criticalDataElement = true;
  if (index % 6 === 2 && objectIndex % 3 === 0) result.quality = [{ type: 'library', metric: 'nullValues', mustBe: 0 }];
  if (index === 4 && objectIndex % 2 === 0) result.authoritativeDefinitions = [{ type: 'businessDefinition', url: 'https://glossary.example/term' }];
  if (index === 5) {
    result.logicalType = 'object';
    result.properties = [{ name: 'street', logicalType: 'string' }, { name: `nested${objectIndex}`, logicalType: 'text', description: 'TBD' }];
  }
  if (index === 6) result.items = { properties: [{ name: 'phone_number', classification: 'public' }] };
  return result;
}

function schemaObject(objectIndex: number, properties: number): Record<string, unknown> {
  const object: Record<string, unknown> = { name: objectIndex % 4 === 1 ? `orderLines${objectIndex}` : `orders_${objectIndex}` };
  if (objectIndex % 3 !== 2) object.physicalName = objectIndex % 5 === 3 ? `Orders${objectIndex}` : `orders_${objectIndex}`;
  if (objectIndex % 2 === 0) object.description = objectIndex % 4 === 0 ? 'One row per order line of the web shop.' : 'todo';
  if (objectIndex % 3 === 0) object.businessName = `Orders ${objectIndex}`;
  if (objectIndex % 4 === 3) object.dataGranularityDescription = 'One row per order line.';
  if (objectIndex % 3 === 1) object.quality = [{ type: 'sql', query: 'SELECT COUNT(*) FROM t WHERE contact_email_2 IS NULL', description: 'Checks contact_email_2.' }];
  object.properties = Array.from({ length: properties }, (_, index) => property(objectIndex, index));
  return object;
}

/** The contract's YAML text (block style, as authors write it). */
export function ruleRichContract(objects = 9, properties = 22): string {
  return stringify({
    apiVersion: 'v3.1.0',
    kind: 'DataContract',
    id: 'urn:test:contract:sales:orders',
    name: 'orders',
    version: '1.0',
    domain: 'sales',
    description: { purpose: 'TODO' },
    servers: [{ server: 'production', type: 'postgres', host: 'db.example.com', database: 'shop' }, { server: 'staging' }],
    roles: [{ role: 'orders_reader', access: 'read' }],
    slaProperties: [{ property: 'retention', value: 1 }, { property: 'latency', value: 4 }],
    schema: Array.from({ length: objects }, (_, index) => schemaObject(index, properties)),
  }, { lineWidth: 0 });
}
