/**
 * Compares our spec with PostHog's published schema for the operations both describe, so that a
 * type, enum, nullability, bound, readOnly flag, required-ness or scope we wrote down cannot drift
 * from what PostHog publishes. It also lists what upstream has that we do not describe.
 *
 * Differences carry a JSON Pointer into *our* document, so that a caller can check each one against
 * the overlay actions that explain it (see traceOverlay).
 */
import type { OpenAPIDocument, OperationObject, ParameterObject, SchemaObject } from "./openapi.ts";
import { toPointer } from "./overlay.ts";
import {
  jsonMediaEntry,
  listOperations,
  normalizeDocument,
  resolve as resolveRef,
  schemaRefName,
} from "./spec-model/index.ts";

export interface ContractDifference {
  /** Where in our document the difference is. */
  pointer: string;
  what: string;
  ours: unknown;
  upstream: unknown;
}

export interface ContractReport {
  differences: ContractDifference[];
  /** Things upstream describes and we do not (reported, not failures). */
  upstreamOnly: string[];
  /** Things we describe and upstream does not. */
  oursOnly: string[];
}

/** Keywords that carry a fact about values; descriptions, titles and examples are prose. */
const FACTS = [
  "type",
  "format",
  "nullable",
  "readOnly",
  "writeOnly",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "pattern",
] as const;

/** The two documents being walked, where findings go, and the component schemas still to compare. */
interface Walk {
  ours: OpenAPIDocument;
  upstream: OpenAPIDocument;
  report: ContractReport;
  schemas: Set<string>;
}

/**
 * Both documents are compared in canonical form (spec-model/normalize.ts), so a 3.1 upstream and
 * our 3.0 spec agree wherever they mean the same; pointers are into `ours` as normalized.
 */
export function compareWithUpstream(
  oursDocument: OpenAPIDocument,
  upstreamDocument: OpenAPIDocument,
  /** The paths compared: those under a prefix, or those a predicate (the sync config's resources) covers. */
  covers: string | ((path: string) => boolean),
): ContractReport {
  const inScope = typeof covers === "string" ? (path: string) => path.startsWith(covers) : covers;
  const ours = normalizeDocument(oursDocument);
  const upstream = normalizeDocument(upstreamDocument);
  const report: ContractReport = { differences: [], upstreamOnly: [], oursOnly: [] };
  const walk: Walk = { ours, upstream, report, schemas: new Set<string>() };
  const covered = (document: OpenAPIDocument) =>
    new Map(
      listOperations(document)
        .filter((op) => inScope(op.path))
        .map((op) => [op.key, op]),
    );
  const mineByKey = covered(ours);
  const theirsByKey = covered(upstream);
  const keys = [...new Set([...mineByKey.keys(), ...theirsByKey.keys()])].sort(
    (a, b) => a.split(" ")[1]?.localeCompare(b.split(" ")[1] ?? "") || a.localeCompare(b),
  );
  for (const key of keys) {
    const mine = mineByKey.get(key);
    const theirs = theirsByKey.get(key);
    if (mine && !theirs) report.oursOnly.push(`operation ${key}`);
    if (theirs && !mine)
      report.upstreamOnly.push(`operation ${key} (${theirs.operation.operationId ?? "no operationId"})`);
    if (mine && theirs)
      compareOperation(walk, ["paths", mine.path, mine.method], mine.operation, theirs.operation, key);
  }
  for (const name of [...walk.schemas].sort()) {
    const mine = ours.components?.schemas?.[name];
    const theirs = upstream.components?.schemas?.[name];
    if (mine && theirs) compareSchema(walk, ["components", "schemas", name], mine, theirs, name);
  }
  return report;
}

function compareOperation(
  walk: Walk,
  at: string[],
  mine: OperationObject,
  theirs: OperationObject,
  label: string,
): void {
  const { ours, upstream, report } = walk;
  // Parameters, matched by location and name; a $ref'd parameter is reported where it is defined.
  const params = (doc: OpenAPIDocument, op: OperationObject, base: string[]) =>
    new Map(
      (op.parameters ?? []).map((p, index) => {
        const where = p.$ref ? p.$ref.slice(2).split("/") : [...base, "parameters", String(index)];
        const resolved = resolveRef<ParameterObject>(doc, p);
        return [`${resolved.in}:${resolved.name}`, { resolved, where }];
      }),
    );
  const mineParams = params(ours, mine, at);
  const theirParams = params(upstream, theirs, []);
  for (const [key, { resolved, where }] of mineParams) {
    const other = theirParams.get(key)?.resolved;
    if (!other) {
      report.oursOnly.push(`parameter ${key} of ${label}`);
      continue;
    }
    if ((resolved.required ?? false) !== (other.required ?? false)) {
      diff(report, [...where, "required"], `${label} parameter ${key} required`, resolved.required, other.required);
    }
    compareFacts(walk, [...where, "schema"], resolved.schema ?? {}, other.schema ?? {}, `${label} parameter ${key}`);
  }
  for (const key of theirParams.keys())
    if (!mineParams.has(key)) report.upstreamOnly.push(`parameter ${key} of ${label}`);

  // Request body (JSON only: PostHog also lists form and multipart encodings of the same schema).
  const body = (doc: OpenAPIDocument, op: OperationObject) =>
    op.requestBody ? resolveRef<NonNullable<OperationObject["requestBody"]>>(doc, op.requestBody) : undefined;
  const mineBody = body(ours, mine);
  const theirBody = body(upstream, theirs);
  if (!!mineBody !== !!theirBody) {
    diff(
      report,
      [...at, "requestBody"],
      `${label} request body`,
      mineBody ? "present" : "absent",
      theirBody ? "present" : "absent",
    );
  } else if (mineBody && theirBody) {
    const [type = "application/json", media] = jsonMediaEntry(mineBody.content) ?? [];
    compareFacts(
      walk,
      [...at, "requestBody", "content", type, "schema"],
      media?.schema ?? {},
      jsonMediaEntry(theirBody.content)?.[1]?.schema ?? {},
      `${label} request body`,
    );
  }

  // Success responses: the same status codes, the same schema.
  const success = (op: OperationObject) =>
    Object.keys(op.responses ?? {})
      .filter((code) => code.startsWith("2"))
      .sort();
  const mineCodes = success(mine);
  const theirCodes = success(theirs);
  if (mineCodes.join() !== theirCodes.join()) {
    diff(report, [...at, "responses"], `${label} success status`, mineCodes, theirCodes);
  }
  for (const code of mineCodes.filter((c) => theirCodes.includes(c))) {
    const jsonOf = (doc: OpenAPIDocument, op: OperationObject) =>
      jsonMediaEntry(
        resolveRef<{ content?: Record<string, { schema?: SchemaObject }> }>(doc, op.responses?.[code] as never).content,
      ) ?? [];
    const [type = "application/json", media] = jsonOf(ours, mine);
    compareFacts(
      walk,
      [...at, "responses", code, "content", type, "schema"],
      media?.schema ?? {},
      jsonOf(upstream, theirs)[1]?.schema ?? {},
      `${label} ${code} response`,
    );
  }

  // Scopes of PostHog's personal API keys.
  const scopes = (op: OperationObject) =>
    (op.security ?? []).flatMap((requirement) => requirement.PersonalAPIKeyAuth ?? []).sort();
  if (scopes(mine).join() !== scopes(theirs).join()) {
    diff(report, [...at, "security"], `${label} personal API key scopes`, scopes(mine), scopes(theirs));
  }
}

function compareFacts(walk: Walk, at: string[], mine: SchemaObject, theirs: SchemaObject, label: string): void {
  const { report } = walk;
  const mineRef = schemaRefName(mine);
  const theirRef = schemaRefName(theirs);
  if (mineRef || theirRef) {
    if (mineRef !== theirRef) diff(report, at, `${label} schema`, mine.$ref ?? "inline", theirs.$ref ?? "inline");
    else if (mineRef) walk.schemas.add(mineRef);
    return;
  }
  compareSchema(walk, at, mine, theirs, label);
}

function compareSchema(walk: Walk, at: string[], mine: SchemaObject, theirs: SchemaObject, label: string): void {
  const { report } = walk;
  for (const key of FACTS) {
    if (JSON.stringify(mine[key]) !== JSON.stringify(theirs[key]))
      diff(report, [...at, key], `${label} ${key}`, mine[key], theirs[key]);
  }
  const sortedEnum = (s: SchemaObject) => (s.enum ? JSON.stringify([...s.enum].map(String).sort()) : undefined);
  if (sortedEnum(mine) !== sortedEnum(theirs))
    diff(report, [...at, "enum"], `${label} enum`, mine.enum?.length, theirs.enum?.length);
  for (const key of ["items", "additionalProperties"] as const) {
    const a = mine[key];
    const b = theirs[key];
    if (typeof a === "object" && typeof b === "object") compareFacts(walk, [...at, key], a, b, `${label}.${key}`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) diff(report, [...at, key], `${label} ${key}`, a, b);
  }
  for (const key of ["allOf", "oneOf", "anyOf"] as const) {
    const a = mine[key] ?? [];
    const b = theirs[key] ?? [];
    if (a.length !== b.length) diff(report, [...at, key], `${label} ${key}`, a.length, b.length);
    else {
      a.forEach((item, i) => {
        compareFacts(walk, [...at, key, String(i)], item, b[i] as SchemaObject, `${label}.${key}[${i}]`);
      });
    }
  }
  const mineProps = mine.properties ?? {};
  const theirProps = theirs.properties ?? {};
  for (const [name, schema] of Object.entries(mineProps)) {
    const other = theirProps[name];
    if (!other) {
      report.oursOnly.push(`field ${label}.${name}`);
      continue;
    }
    const mineRequired = mine.required?.includes(name) ?? false;
    const theirRequired = theirs.required?.includes(name) ?? false;
    if (mineRequired !== theirRequired)
      diff(report, [...at, "properties", name, "required"], `${label}.${name} required`, mineRequired, theirRequired);
    compareFacts(walk, [...at, "properties", name], schema, other, `${label}.${name}`);
  }
  for (const name of Object.keys(theirProps))
    if (!(name in mineProps)) report.upstreamOnly.push(`field ${label}.${name}`);
}

function diff(report: ContractReport, at: string[], what: string, ours: unknown, upstream: unknown): void {
  report.differences.push({ pointer: toPointer(at), what, ours, upstream });
}

/** True when an overlay action touched this location, or a node above or below it. */
export function explainedBy(pointer: string, touched: readonly string[]): boolean {
  return touched.some((t) => pointer === t || pointer.startsWith(`${t}/`) || t.startsWith(`${pointer}/`));
}
