/**
 * The DDL section: schema from the server entry, keys (composite in position order, informational where the dialect
 * only records them), foreign keys inline or added later, comments in each dialect's form, partitioning, the Exasol
 * distribution key, grants, view stubs, and comments for everything that could not be generated.
 */
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { generateDdl } from '../../../server/src/core/ddl/generate';
import type { DialectId } from '../../../server/src/core/ddl/types';

const CONTRACT = parse(`
apiVersion: v3.1.0
kind: DataContract
id: urn:test
name: shop
version: 1.0.0
status: active
servers:
  - { server: pg, type: postgres, host: h, port: 5432, database: d, schema: sales }
  - { server: ex, type: exasol, host: h, port: 8563, schema: SALES }
  - { server: sf, type: snowflake, account: a, database: prod, schema: sales }
  - { server: bq, type: bigquery, project: my-project, dataset: sales }
  - { server: db, type: databricks, catalog: main, schema: sales }
  - { server: dd, type: duckdb, database: shop.duckdb, schema: sales }
schema:
  - id: order_lines
    name: order_lines
    description: "One row per line; it's the grain"
    customProperties:
      - property: exasolDistributeBy
        value: [order_id]
    relationships:
      - type: foreignKey
        from: [order_lines.order_id]
        to: [orders.order_id]
    properties:
      - { name: line_no, logicalType: integer, required: true, primaryKey: true, primaryKeyPosition: 2 }
      - { name: order_id, logicalType: string, logicalTypeOptions: { maxLength: 20 }, primaryKey: true, primaryKeyPosition: 1 }
      - { name: sold_on, logicalType: date, partitioned: true, partitionKeyPosition: 1, description: "Day of sale" }
      - { name: sku, logicalType: string, unique: true }
  - id: orders
    name: orders
    physicalName: Orders
    properties:
      - { name: order_id, logicalType: string, logicalTypeOptions: { maxLength: 20 }, primaryKey: true }
      - { name: parent, logicalType: string, logicalTypeOptions: { maxLength: 20 }, relationships: [{ to: orders.order_id }] }
      - { name: ghost, logicalType: string, relationships: [{ to: nowhere.id }] }
  - name: order_summary
    physicalType: view
    properties:
      - { name: total, logicalType: number, transformLogic: "sum(amount)", transformSourceObjects: [order_lines] }
  - name: events
    physicalType: topic
roles:
  - { role: analysts, access: read }
  - { role: loader, access: write }
`);

function ddl(dialect: DialectId): string {
  return generateDdl(CONTRACT, dialect).ddl;
}

describe('DDL generation', () => {
  it('creates the schema of the server entry for the dialect and qualifies every table with it', () => {
    assert.match(ddl('postgres'), /^CREATE SCHEMA IF NOT EXISTS sales;$/m);
    assert.match(ddl('postgres'), /^CREATE TABLE sales\.order_lines \($/m);
    assert.match(ddl('snowflake'), /^CREATE SCHEMA IF NOT EXISTS prod\.sales;$/m);
    assert.match(ddl('bigquery'), /^CREATE SCHEMA IF NOT EXISTS `my-project`\.sales;$/m);
    assert.match(ddl('bigquery'), /^CREATE TABLE `my-project`\.sales\.order_lines \($/m);
    assert.match(ddl('databricks'), /^CREATE TABLE main\.sales\.order_lines \($/m);
    assert.match(ddl('exasol'), /^CREATE TABLE SALES\.order_lines \($/m);
  });

  it('writes one primary key in position order, informational where the dialect only records keys', () => {
    assert.match(ddl('postgres'), /^ {2}PRIMARY KEY \(order_id, line_no\),?$/m);
    assert.match(ddl('duckdb'), /^ {2}PRIMARY KEY \(order_id, line_no\),?$/m);
    assert.match(ddl('exasol'), /^ {2}PRIMARY KEY \(order_id, line_no\) ENABLE,?$/m);
    for (const dialect of ['snowflake', 'bigquery', 'databricks'] as const) {
      assert.match(ddl(dialect), /^ {2}PRIMARY KEY \(order_id, line_no\) NOT ENFORCED,?$/m, dialect);
    }
    assert.match(ddl('postgres'), /^ {2}line_no INTEGER NOT NULL,$/m);
    assert.match(ddl('postgres'), /^ {2}order_id VARCHAR\(20\) NOT NULL,$/m, 'key columns are NOT NULL');
  });

  it('writes UNIQUE where the dialect has it and says so where it does not', () => {
    assert.match(ddl('postgres'), /^ {2}UNIQUE \(sku\),?$/m);
    assert.match(ddl('snowflake'), /^ {2}UNIQUE \(sku\) NOT ENFORCED,?$/m);
    assert.match(ddl('exasol'), /^-- sku is unique in the contract: Exasol has no UNIQUE constraint$/m);
  });

  it('creates referenced tables first and declares foreign keys inline, self-references included', () => {
    const sql = ddl('duckdb');
    assert.ok(sql.indexOf('CREATE TABLE sales.Orders') < sql.indexOf('CREATE TABLE sales.order_lines'));
    assert.match(sql, /^ {2}FOREIGN KEY \(order_id\) REFERENCES sales\.Orders \(order_id\)$/m);
    assert.match(sql, /^ {2}FOREIGN KEY \(parent\) REFERENCES sales\.Orders \(order_id\),?$/m);
    assert.match(ddl('bigquery'), /FOREIGN KEY \(order_id\) REFERENCES `my-project`\.sales\.Orders \(order_id\) NOT ENFORCED/);
  });

  it('explains relationships it cannot turn into a constraint', () => {
    assert.match(ddl('postgres'), /^-- Orders: relationship to nowhere\.id not generated: no table "nowhere" in this contract$/m);
  });

  it('writes descriptions in each dialect\'s comment form, escaped', () => {
    assert.match(ddl('postgres'), /^COMMENT ON TABLE sales\.order_lines IS 'One row per line; it''s the grain';$/m);
    assert.match(ddl('postgres'), /^COMMENT ON COLUMN sales\.order_lines\.sold_on IS 'Day of sale';$/m);
    assert.match(ddl('duckdb'), /^COMMENT ON TABLE sales\.order_lines IS 'One row per line; it''s the grain';$/m);
    assert.match(ddl('exasol'), /^ {2}sold_on DATE COMMENT IS 'Day of sale',$/m);
    assert.match(ddl('exasol'), /^COMMENT IS 'One row per line; it''s the grain';$/m);
    assert.match(ddl('snowflake'), /^COMMENT = 'One row per line; it\\'s the grain';$/m);
    assert.match(ddl('snowflake'), /^ {2}sold_on DATE COMMENT 'Day of sale',$/m);
    assert.match(ddl('bigquery'), /^ {2}sold_on DATE OPTIONS\(description="Day of sale"\),$/m);
    assert.match(ddl('bigquery'), /^OPTIONS\(description="One row per line; it's the grain"\);$/m);
    assert.match(ddl('databricks'), /^COMMENT 'One row per line; it\\'s the grain';$/m);
  });

  it('partitions where the dialect can and comments where it cannot', () => {
    assert.match(ddl('exasol'), /^ALTER TABLE SALES\.order_lines PARTITION BY sold_on;$/m);
    assert.match(ddl('bigquery'), /^PARTITION BY sold_on$/m);
    assert.match(ddl('databricks'), /^PARTITIONED BY \(sold_on\)$/m);
    assert.match(ddl('postgres'), /^-- partitioned by sold_on in the contract: PostgreSQL partitions need/m);
    assert.match(ddl('snowflake'), /consider CLUSTER BY \(sold_on\)/);
    assert.match(ddl('duckdb'), /^-- partitioned by sold_on in the contract: DuckDB/m);
  });

  it('distributes Exasol tables by the exasolDistributeBy custom property', () => {
    assert.match(ddl('exasol'), /^ALTER TABLE SALES\.order_lines DISTRIBUTE BY order_id;$/m);
    assert.doesNotMatch(ddl('postgres'), /DISTRIBUTE/);
    const unknown = generateDdl({ ...CONTRACT, schema: [{ ...CONTRACT.schema[0], customProperties: [{ property: 'exasolDistributeBy', value: 'nope' }] }] }, 'exasol');
    assert.deepEqual(unknown.problems.map((problem) => [problem.code, problem.path.join('/')]), [['ddl/unknown-column', 'schema/0/customProperties/0/value']]);
  });

  it('grants the contract\'s roles access in each dialect\'s form', () => {
    assert.match(ddl('postgres'), /^GRANT SELECT ON sales\.order_lines TO analysts;$/m);
    assert.match(ddl('postgres'), /^GRANT SELECT, INSERT, UPDATE, DELETE ON sales\.order_lines TO loader;$/m);
    assert.match(ddl('exasol'), /^GRANT SELECT ON SALES\.order_lines TO analysts;$/m);
    assert.match(ddl('snowflake'), /^GRANT SELECT ON TABLE prod\.sales\.order_lines TO ROLE analysts;$/m);
    assert.match(ddl('databricks'), /^GRANT SELECT, MODIFY ON TABLE main\.sales\.order_lines TO `loader`;$/m);
    assert.match(ddl('bigquery'), /^-- role analysts: BigQuery grants IAM roles to principals/m);
    const principal = generateDdl({ ...CONTRACT, roles: [{ role: 'group:bi@example.com', access: 'read' }] }, 'bigquery').ddl;
    assert.match(principal, /^GRANT `roles\/bigquery\.dataViewer` ON TABLE `my-project`\.sales\.order_lines TO "group:bi@example\.com";$/m);
    assert.match(ddl('duckdb'), /^-- role analysts: DuckDB has no GRANT/m);
  });

  it('writes a view as a commented stub from transformLogic and names objects that are not tables', () => {
    const sql = ddl('postgres');
    assert.match(sql, /^-- CREATE VIEW sales\.order_summary AS$/m);
    assert.match(sql, /^-- {3}total {2}-- transformLogic: sum\(amount\)$/m);
    assert.match(sql, /^-- FROM order_lines;$/m);
    assert.doesNotMatch(sql, /^CREATE VIEW/m);
    assert.match(sql, /^-- events: physicalType "topic" is neither a table nor a view: no DDL$/m);
  });

  it('never lets a hostile name or description end a statement early', () => {
    const hostile = generateDdl({
      kind: 'DataContract',
      schema: [{ name: "t'; DROP TABLE x; --", description: "a'; DROP TABLE y; --\nnext line", properties: [{ name: 'c"; DROP', logicalType: 'string', description: "it's" }] }],
    }, 'postgres').ddl;
    const statements = hostile.split('\n').filter((line) => line && !line.startsWith('--'));
    assert.deepEqual(statements, [
      'CREATE TABLE "t\'; DROP TABLE x; --" (',
      '  "c""; DROP" TEXT',
      ');',
      'COMMENT ON TABLE "t\'; DROP TABLE x; --" IS \'a\'\'; DROP TABLE y; --',
      'next line\';',
      'COMMENT ON COLUMN "t\'; DROP TABLE x; --"."c""; DROP" IS \'it\'\'s\';',
    ]);
  });
});
