/**
 * `datsis new`: descriptors that already meet every DATSIS rule a template can meet, so that once the author has
 * replaced the `${...}` placeholders (the facts only they know: purpose, owner, hosts, example values) the
 * descriptor scores in the top band. "A data product in one day" starts from here rather than from an empty file.
 *
 * Placeholders are written `${what to write}`: never valid content, easy to search for, and free of the
 * characters that would make YAML read them as anything but text. Links point at example.com hosts; they are
 * valid URLs (so the file validates right away) that the author replaces with the real catalogue and channels.
 * A product is created together with the contract of its output port, ids linked, because a port without a
 * contract would cost the product the points of the contract it promises.
 */
import { stringify } from 'yaml';
import { scaffoldNames, type ScaffoldNames } from './names';

export type ScaffoldKind = 'product' | 'contract';

export interface ScaffoldRequest {
  readonly kind: ScaffoldKind;
  readonly name: string;
  /** Business domain; a placeholder when not given. */
  readonly domain?: string;
  /** New ids (UUIDs). Injected for tests; `crypto.randomUUID` by default. */
  readonly newId?: () => string;
}

export interface ScaffoldFile {
  /** File name only; the CLI decides the folder. */
  readonly fileName: string;
  readonly text: string;
}

/** Matches one unfilled placeholder. */
export const PLACEHOLDER = /\$\{[^}\n]*\}/g;

const DOMAIN_PLACEHOLDER = '${business domain, for example sales}';

export function scaffold(request: ScaffoldRequest): ScaffoldFile[] {
  const names = scaffoldNames(request.name);
  const newId = request.newId ?? (() => globalThis.crypto.randomUUID());
  const contractId = newId();
  const contract = { fileName: `${names.kebab}.odcs.yaml`, text: contractTemplate(names, request.domain, contractId) };
  if (request.kind === 'contract') return [contract];
  return [{ fileName: `${names.kebab}.odps.yaml`, text: productTemplate(names, request.domain, newId(), contractId) }, contract];
}

/** A scalar as YAML writes it (quoted only when needed), for values the author typed on the command line. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

function domainLines(domain: string | undefined): { value: string; tag: string; schema: string } {
  if (!domain) return { value: DOMAIN_PLACEHOLDER, tag: '${a tag people search for, such as the domain}', schema: '${database schema}' };
  const schema = scaffoldNames(domain).snake;
  return { value: scalar(domain), tag: scalar(domain), schema };
}

function productTemplate(names: ScaffoldNames, domain: string | undefined, id: string, contractId: string): string {
  const d = domainLines(domain);
  return `# Data product "${names.display}", created by \`datsis new\`.
# Replace every \${...} placeholder and every example.com link, then run \`datsis check\`.
apiVersion: v1.0.0
kind: DataProduct
id: ${id}
name: ${scalar(names.display)}
version: 0.1.0
status: draft
domain: ${d.value}

description:
  purpose: \${what this product is for, which business questions it answers and who relies on it}
  usage: \${how consumers use it, which port serves which need and how often it is refreshed}
  limitations: \${what it does not cover, such as known delays, gaps and legal limits}

authoritativeDefinitions:
  - type: canonicalUrl
    url: https://catalog.example.com/data-products/${names.kebab}
    description: Catalogue entry of this data product.

# A source-aligned product reads operational systems directly. If this product is built from other data
# products instead, replace the tag with inputPorts that name the contracts it reads (lineage).
tags:
  - ${d.tag}
  - source-aligned

outputPorts:
  - name: ${names.kebab}
    description: \${which need this port serves and how consumers read it}
    type: tables
    version: 0.1.0
    contractId: ${contractId}

managementPorts:
  - name: dictionary
    content: dictionary
    type: rest
    url: https://catalog.example.com/api/data-products/${names.kebab}/dictionary
  - name: observability
    content: observability
    type: rest
    url: https://observability.example.com/data-products/${names.kebab}

support:
  - channel: \${chat channel where consumers ask questions}
    tool: slack
    scope: interactive
    url: https://chat.example.com/channels/${names.kebab}
  - channel: access-requests
    tool: ticket
    scope: issues
    url: https://tickets.example.com/data-access/${names.kebab}

team:
  name: \${name of the team that owns the product}
  members:
    - username: \${user name or e-mail address of the product owner}
      role: owner
`;
}

function contractTemplate(names: ScaffoldNames, domain: string | undefined, id: string): string {
  const d = domainLines(domain);
  const key = `${names.snake}_id`;
  return `# Data contract "${names.snake}", created by \`datsis new\`.
# Replace every \${...} placeholder and every example.com link, then run \`datsis check\`.
# Add your own columns under properties: each with a description, types, a classification and an example.
apiVersion: v3.1.0
kind: DataContract
id: ${id}
name: ${names.snake}
version: 0.1.0
status: draft
domain: ${d.value}
tags:
  - ${d.tag}

description:
  purpose: \${what this data is for, which business questions it answers and who relies on it}
  usage: \${how to use it, such as typical queries, joins and when new data arrives}
  limitations: \${what it does not cover, such as known delays, gaps and legal limits}

authoritativeDefinitions:
  - type: canonicalUrl
    url: https://catalog.example.com/contracts/${names.kebab}
    description: Catalogue entry of this contract.

servers:
  - server: ${names.kebab}-prod
    type: postgres
    environment: prod
    host: \${database host name}
    port: 5432
    database: \${database name}
    schema: ${d.schema}

schema:
  - name: ${names.snake}
    physicalName: ${names.snake}
    physicalType: table
    logicalType: object
    businessName: ${scalar(names.title)}
    description: \${what one row stands for and where the data comes from}
    dataGranularityDescription: One row per ${key}.
    authoritativeDefinitions:
      - type: businessDefinition
        url: https://catalog.example.com/glossary/${names.kebab}
    properties:
      - name: ${key}
        businessName: ${scalar(`${names.title} id`)}
        description: \${how the identifier is assigned and by which system}
        logicalType: string
        physicalType: varchar(64)
        required: true
        unique: true
        primaryKey: true
        primaryKeyPosition: 1
        criticalDataElement: true
        classification: internal
        examples:
          - \${an example identifier}
        quality:
          - type: library
            metric: nullValues
            mustBe: 0
            dimension: completeness
            description: Every row has an identifier.
      - name: updated_at
        businessName: Last update
        description: When the row last changed in the source system, in UTC.
        logicalType: timestamp
        physicalType: timestamp
        required: true
        classification: internal
        examples:
          - "2025-01-31T06:00:00Z"
    quality:
      - type: library
        metric: rowCount
        mustBeGreaterThan: 0
        dimension: completeness
        description: A load never leaves the table empty.

slaProperties:
  - property: latency
    value: 1
    unit: d
    description: New data is available within one day.
  - property: availability
    value: 99.5
    unit: percent
    description: Share of the month the production server answers queries.

support:
  - channel: \${chat channel where consumers ask questions}
    tool: slack
    scope: interactive
    url: https://chat.example.com/channels/${names.kebab}

team:
  name: \${name of the team that owns the data}
  members:
    - username: \${user name or e-mail address of the data owner}
      role: owner
`;
}
