/**
 * Descriptors on which every semantic rule has something to say, and the workspace they are analysed in: the
 * starting points of the incremental-analysis property test. Objects reference each other (`orders` -> `customers`),
 * so renaming one object changes findings inside another, the case a per-object cache could get wrong; `customers`
 * also names a nested property of `orders` (`orders.address.street`) and another contract by its id. The name of
 * `customers` is not on its `-` line, so renaming it is reparsed incrementally (the reparse never reparses a
 * sequence item on its own when it begins on the dash's line) and leaves `orders` the very same object.
 * Unknown server types are covered too, though silently: the schema rejects `snowflak` first, so the rule defers.
 */
import type { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { workspaceOf } from './harness';

export const EVERY_RULE_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:sales:orders
version: 1.0.0
status: active
servers:
  - server: prod
    type: postgres
    host: db.example.com
    port: 5432
    database: sales
    schema: public
  - server: prod
    type: snowflak
quality:
  - type: sql
    query: ""
schema:
  - name: orders
    id: orders_tbl
    physicalName: orders_t
    relationships:
      - from: orders.customer_id
        to: customers.id
      - from: [orders.order_id, orders.customer_id]
        to: [customers.id]
      - from: orders.customer_id
        to: schema/customers_tbl/properties/cust_pk
      - from: orders.customer_id
        to: suppliers.id
      - from: invoices.customer_id
        to: customers.email
      - from: orders.customer_id
        to: ../crm/customers.odcs.yaml#/schema/cust/properties/nope
      - from: orders.customer_id
        to: ../crm/missing.odcs.yaml#/schema/cust
      - from: orders.customer_id
        to: crm-accounts.account.nope
    quality:
      - type: sql
        query: " "
      - id: q1
        type: text
        description: first
      - id: q1
        type: text
        description: second
    properties:
      - name: order_id
        id: order_id_col
        logicalType: integer
        physicalType: varchar(10)
        primaryKey: true
        primaryKeyPosition: 1
      - name: customer_id
        logicalType: string
        physicalType: numeric(10,2)
        primaryKeyPosition: 3
        relationships:
          - to: customers.idd
      - name: customer_id
        logicalType: boolean
        logicalTypeOptions:
          maxLength: 3
      - name: total
        logicalType: integer
        physicalType: decimal(10,2)
        partitioned: false
        partitionKeyPosition: 1
      - name: note
        logicalTypeOptions:
          maxLength: 10
      - name: address
        logicalType: object
        logicalTypeOptions:
          required: [street, zip]
        properties:
          - name: street
            logicalType: string
            logicalTypeOptions:
              minLength: 10
              maxLength: 5
          - name: street
            logicalType: string
  - id: customers_tbl
    name: customers
    properties:
      - name: id
        id: cust_pk
        logicalType: integer
        physicalType: bigint
        primaryKeyPosition: 1
      - name: email
        logicalType: string
        physicalType: text
        relationships:
          - to: orders.address.street
          - to: crm-accounts.account.account_id
        quality:
          - type: sql
            query: ""
  - name: orders
    properties:
      - name: id
        logicalType: date
        physicalType: timestamp
        partitionKeyPosition: 2
`;

export const EVERY_RULE_PRODUCT = `apiVersion: v1.0.0
kind: DataProduct
id: urn:sales:orders-product
version: 1.0.0
status: active
inputPorts:
  - name: customers
    version: 1.0.0
    contractId: urn:crm:customers
  - name: customers
    version: 1.0.0
    contractId: urn:crm:customerz
outputPorts:
  - name: orders
    version: 1.0.0
    contractId: urn:sales:orders
    inputContracts:
      - id: urn:crm:customers
        version: 2.0.0
      - id: urn:crm:nothing
        version: 1.0.0
managementPorts:
  - name: docs
    content: discoverability
    type: topic
  - name: docs
    content: discoverability
    type: topic
`;

/** Every code the two fixtures above must produce: the property test would prove little if a rule stayed silent. */
export const EXPECTED_CODES = [
  'semantic/contract-version-mismatch', 'semantic/duplicate-descriptor-id', 'semantic/duplicate-id', 'semantic/duplicate-name',
  'semantic/empty-sql-query', 'semantic/logical-type-options', 'semantic/partition-key-position', 'semantic/physical-type-mismatch',
  'semantic/primary-key-position', 'semantic/relationship-arity', 'semantic/unknown-contract', 'semantic/unresolved-reference',
];

const CUSTOMERS = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:crm:customers\nversion: 1.0.0\nstatus: active\nschema:\n  - id: cust\n    name: customer\n    properties:\n      - id: cust_id\n        name: customer_id\n';
const ACCOUNTS = 'apiVersion: v3.1.0\nkind: DataContract\nid: crm-accounts\nversion: 1.0.0\nstatus: active\nschema:\n  - name: account\n    properties:\n      - name: account_id\n';
const ORDERS_COPY = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:sales:orders\nversion: 1.0.0\nstatus: active\n';

/** Other contracts to reference across files (by file and by id), and a copy of the contract's id to clash with. */
export function everyRuleWorkspace(): WorkspaceIndex {
  return workspaceOf([
    { uri: 'file:///workspace/crm/customers.odcs.yaml', text: CUSTOMERS },
    { uri: 'file:///workspace/crm/accounts.odcs.yaml', text: ACCOUNTS },
    { uri: 'file:///workspace/sales/orders-copy.odcs.yaml', text: ORDERS_COPY },
  ]);
}
