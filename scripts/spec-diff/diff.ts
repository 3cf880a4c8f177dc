/**
 * Classifies every change between two versions of an OpenAPI document by what it does to a
 * TypeScript user of the generated packages. Pure: two documents in, a list of changes out;
 * `report.ts` renders it and `main.ts` is the CLI.
 *
 * The rule (a type is a set of values):
 * - request side (parameters, request bodies): narrowing breaks callers (major), widening does not (minor);
 * - response side: widening breaks readers — a new enum value, `null`, or another type their code
 *   does not handle (major) — and narrowing does not (minor). Format and bounds do not change the
 *   TypeScript types, so widening them on the response side is minor;
 * - a removal is major; an addition (operation, optional request field, response field) is minor;
 *   a required request field or parameter added is major;
 * - descriptions, summaries, defaults and other docs are patch.
 * Named schemas are compared once, in their own group, on the sides where operations use them.
 *
 * Both documents are read through the spec model first (spec-model/normalize.ts), so a document
 * re-spelled from OpenAPI 3.0 to 3.1 (`type: [X, "null"]` for `nullable: true`, `{}` for an untyped
 * `{nullable: true}`) compares equal: the diff is about meaning, not spelling. An added operation says
 * who may call it (session-only, when PostHog refuses personal API keys for it). With the names files
 * of both sides (`options`), every public name that disappears or changes is a major change too.
 */
import type { NamesFile } from "../lib/names/index.ts";
import { HTTP_METHODS, type OpenAPIDocument, type OperationObject } from "../lib/openapi.ts";
import { buildTables } from "../lib/operation-table.ts";
import {
  pointer as followPointer,
  jsonMedia,
  listOperations,
  normalizeDocument,
  type OperationAccess,
  operationAccess,
  schemasUsedBy,
} from "../lib/spec-model/index.ts";
import { deepEqual } from "../lib/spec-yaml.ts";

export type Level = "major" | "minor" | "patch";
export type Side = "request" | "response";
export type Direction = "narrowed" | "widened" | "changed";
export type Aspect = "type" | "enum" | "nullable" | "format" | "bounds";

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "operation-id-changed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-required-changed"
  | "request-body-added"
  | "request-body-removed"
  | "request-body-required-changed"
  | "response-added"
  | "response-removed"
  | "field-added"
  | "field-removed"
  | "required-changed"
  | "read-only-changed"
  | "security-changed"
  | "deprecated"
  | "name-removed"
  | "name-changed"
  | "schema-added"
  | "schema-removed"
  | `${Aspect}-${Direction}`
  | "docs-changed";

export interface SpecChange {
  /** What the change belongs to: `PUT /path (operationId)` or `schema Name`. */
  group: string;
  /** Where inside it: `request body`, `query limit`, `response 200`, `name`, `app_urls[]`… ("" for the group itself). */
  location: string;
  kind: ChangeKind;
  /** The sides the changed node is used on (absent for operation-level changes). */
  sides?: Side[];
  level: Level;
  message: string;
}

export interface SpecDiff {
  changes: SpecChange[];
  /** The release bump the changes call for, or null when nothing changed. */
  bump: Level | null;
}

type Json = Record<string, unknown>;
type Doc = Json & { paths?: Record<string, Json>; components?: { schemas?: Record<string, Json> } };

const LEVELS: Level[] = ["patch", "minor", "major"];
const METHODS: readonly string[] = HTTP_METHODS;

/**
 * What "operation added" says, by who may call it. PostHog publishes its session-only actions with
 * no `security` at all (its schema lists the personal API key scheme only with an action's required
 * scopes, and such an action declares none); the overlay's rule gives every such operation the
 * session scheme alone, so with `--overlay` the report says "session-only".
 */
const OPERATION_ADDED: Record<OperationAccess, string> = {
  "personal-api-key": "operation added",
  "session-only":
    "session-only operation added: PostHog refuses personal API keys for it (403), only a browser session may call it",
  undeclared:
    "operation added with no security requirement: PostHog publishes its session-only actions so (the overlay makes it session-only: personal API keys are refused)",
};

export function maxLevel(levels: Iterable<Level>): Level | null {
  let best: Level | null = null;
  for (const level of levels) if (best === null || LEVELS.indexOf(level) > LEVELS.indexOf(best)) best = level;
  return best;
}

/** The level of a narrowing/widening of `aspect` on the given sides (the worst side wins). */
export function classify(direction: Direction, aspect: Aspect, sides: Iterable<Side>): Level {
  if (direction === "changed") return "major";
  const levels: Level[] = [];
  for (const side of sides) {
    if (side === "request") levels.push(direction === "narrowed" ? "major" : "minor");
    else if (direction === "narrowed") levels.push("minor");
    else levels.push(aspect === "format" || aspect === "bounds" ? "minor" : "major");
  }
  return maxLevel(levels) ?? "minor";
}

export interface DiffOptions {
  /** The names file each side was generated with: compare the public names too. */
  names?: { before: NamesFile; after: NamesFile };
}

export function diffSpecs(oldDocument: unknown, newDocument: unknown, options: DiffOptions = {}): SpecDiff {
  const before = normalizeDocument(oldDocument as OpenAPIDocument) as unknown as Doc;
  const after = normalizeDocument(newDocument as OpenAPIDocument) as unknown as Doc;
  const differ = new Differ(before, after);
  differ.run();
  const changes = [...differ.changes];
  if (options.names) {
    const named = (document: Doc, recorded: NamesFile) =>
      buildTables(document as unknown as OpenAPIDocument, recorded).names;
    changes.push(...diffNames(named(before, options.names.before), named(after, options.names.after)));
  }
  return { changes, bump: maxLevel(changes.map((change) => change.level)) };
}

/** Every public name of `before` that `after` lacks or spells differently: each one breaks an import. */
export function diffNames(before: NamesFile, after: NamesFile): SpecChange[] {
  const changes: SpecChange[] = [];
  const compare = (
    group: string,
    a: Record<string, string | undefined>,
    b: Record<string, string | undefined> | undefined,
  ) => {
    for (const [artifact, name] of Object.entries(a)) {
      if (name === undefined) continue;
      const now = b?.[artifact];
      if (now === name) continue;
      changes.push({
        group,
        location: artifact,
        kind: now === undefined ? "name-removed" : "name-changed",
        level: "major",
        message: now === undefined ? `public name ${name} removed` : `public name ${name} renamed to ${now}`,
      });
    }
  };
  for (const [key, names] of Object.entries(before.operations))
    compare(key, { ...names }, after.operations[key] && { ...after.operations[key] });
  for (const [name, names] of Object.entries(before.resources))
    compare(`resource ${name}`, { ...names }, after.resources[name] && { ...after.resources[name] });
  for (const [name, names] of Object.entries(before.schemas))
    compare(`schema ${name}`, { ...names }, after.schemas[name] && { ...after.schemas[name] });
  return changes;
}

interface Operation {
  key: string;
  path: string;
  method: string;
  operation: Json;
  parameters: Json[];
}

class Differ {
  readonly changes: SpecChange[] = [];
  private readonly oldUsage: Map<string, Set<Side>>;
  private readonly newUsage: Map<string, Set<Side>>;

  private readonly oldDoc: Doc;
  private readonly newDoc: Doc;

  constructor(oldDoc: Doc, newDoc: Doc) {
    this.oldDoc = oldDoc;
    this.newDoc = newDoc;
    this.oldUsage = schemaUsage(oldDoc);
    this.newUsage = schemaUsage(newDoc);
  }

  run(): void {
    const before = new Map(operations(this.oldDoc).map((op) => [op.key, op]));
    const after = new Map(operations(this.newDoc).map((op) => [op.key, op]));
    const keys = [...new Set([...before.keys(), ...after.keys()])].sort(byPathThenMethod);
    for (const key of keys) {
      const a = before.get(key);
      const b = after.get(key);
      if (a && b) this.operation(a, b);
      else if (b) this.add(groupOf(b), "", "operation-added", "minor", OPERATION_ADDED[this.access(b)]);
      else if (a) this.add(groupOf(a), "", "operation-removed", "major", "operation removed");
    }
    const oldSchemas = this.oldDoc.components?.schemas ?? {};
    const newSchemas = this.newDoc.components?.schemas ?? {};
    for (const name of [...new Set([...Object.keys(oldSchemas), ...Object.keys(newSchemas)])].sort()) {
      const group = `schema ${name}`;
      if (!(name in oldSchemas)) this.add(group, "", "schema-added", "minor", "schema added");
      else if (!(name in newSchemas)) this.add(group, "", "schema-removed", "major", "schema removed");
      else {
        const sides = new Set([...(this.oldUsage.get(name) ?? []), ...(this.newUsage.get(name) ?? [])]);
        // A schema no operation uses is still exported as `components["schemas"][name]`: judge it both ways.
        const used: Side[] = sides.size ? [...sides].sort() : ["request", "response"];
        this.schema(oldSchemas[name], newSchemas[name], { group, location: "", sides: used, seen: new Set() });
      }
    }
  }

  private access(op: Operation): OperationAccess {
    return operationAccess(this.newDoc as unknown as OpenAPIDocument, op.operation as OperationObject);
  }

  private add(group: string, location: string, kind: ChangeKind, level: Level, message: string, sides?: Side[]) {
    this.changes.push({ group, location, kind, level, message, ...(sides ? { sides } : {}) });
  }

  // ---- operations -------------------------------------------------------------------------------

  private operation(a: Operation, b: Operation): void {
    const group = groupOf(b);
    if (a.operation.operationId !== b.operation.operationId) {
      this.add(
        group,
        "",
        "operation-id-changed",
        "major",
        `operationId ${a.operation.operationId} → ${b.operation.operationId} (generated method and type names change)`,
      );
    }
    for (const key of ["summary", "description"]) {
      if (!deepEqual(a.operation[key], b.operation[key]))
        this.add(group, "", "docs-changed", "patch", `${key} changed`);
    }
    if (Boolean(a.operation.deprecated) !== Boolean(b.operation.deprecated)) {
      this.add(
        group,
        "",
        "deprecated",
        "minor",
        b.operation.deprecated
          ? "operation deprecated: PostHog plans to remove it (its method and hooks are marked @deprecated)"
          : "operation no longer deprecated",
      );
    }
    if (!deepEqual(a.operation.security ?? this.oldDoc.security, b.operation.security ?? this.newDoc.security)) {
      this.add(group, "", "security-changed", "minor", "security requirements or scopes changed");
    }
    this.parameters(
      group,
      a.parameters.map((p) => this.resolve(this.oldDoc, p)),
      b.parameters.map((p) => this.resolve(this.newDoc, p)),
    );
    this.requestBody(group, a.operation.requestBody, b.operation.requestBody);
    this.responses(group, (a.operation.responses ?? {}) as Json, (b.operation.responses ?? {}) as Json);
  }

  private parameters(group: string, before: Json[], after: Json[]): void {
    const id = (p: Json) => `${p.in} ${p.name}`;
    const old = new Map(before.map((p) => [id(p), p]));
    const next = new Map(after.map((p) => [id(p), p]));
    for (const [key, p] of next) {
      const q = old.get(key);
      const required = p.in === "path" || p.required === true;
      if (!q) {
        this.add(
          group,
          key,
          "parameter-added",
          required ? "major" : "minor",
          required ? "required parameter added" : "optional parameter added",
          ["request"],
        );
        continue;
      }
      const wasRequired = q.in === "path" || q.required === true;
      if (wasRequired !== required) {
        this.add(
          group,
          key,
          "parameter-required-changed",
          required ? "major" : "minor",
          required ? "parameter became required" : "parameter became optional",
          ["request"],
        );
      }
      if (q.description !== p.description) this.add(group, key, "docs-changed", "patch", "description changed");
      this.schema(q.schema, p.schema, { group, location: key, sides: ["request"], seen: new Set(), stopAtNames: true });
    }
    for (const key of old.keys()) {
      if (!next.has(key)) this.add(group, key, "parameter-removed", "major", "parameter removed", ["request"]);
    }
  }

  private requestBody(group: string, before: unknown, after: unknown): void {
    const a = before ? this.resolve(this.oldDoc, before) : undefined;
    const b = after ? this.resolve(this.newDoc, after) : undefined;
    const location = "request body";
    if (!a && !b) return;
    if (!a && b) {
      const required = b.required === true;
      this.add(
        group,
        location,
        "request-body-added",
        required ? "major" : "minor",
        required ? "required request body added" : "optional request body added",
        ["request"],
      );
      return;
    }
    if (a && !b) {
      this.add(group, location, "request-body-removed", "major", "request body removed", ["request"]);
      return;
    }
    if (!a || !b) return;
    if ((a.required === true) !== (b.required === true)) {
      this.add(
        group,
        location,
        "request-body-required-changed",
        b.required === true ? "major" : "minor",
        b.required === true ? "request body became required" : "request body became optional",
        ["request"],
      );
    }
    if (a.description !== b.description) this.add(group, location, "docs-changed", "patch", "description changed");
    this.media(group, location, ["request"], a.content, b.content);
  }

  private responses(group: string, before: Json, after: Json): void {
    for (const code of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
      const location = `response ${code}`;
      const success = /^2/.test(code);
      if (!(code in before)) {
        this.add(group, location, "response-added", "minor", "response added", ["response"]);
      } else if (!(code in after)) {
        this.add(
          group,
          location,
          "response-removed",
          success ? "major" : "minor",
          success ? "success response removed" : "error response no longer documented",
          ["response"],
        );
      } else {
        const a = this.resolve(this.oldDoc, before[code]);
        const b = this.resolve(this.newDoc, after[code]);
        if (a.description !== b.description) this.add(group, location, "docs-changed", "patch", "description changed");
        this.media(group, location, ["response"], a.content, b.content);
      }
    }
  }

  private media(group: string, location: string, sides: Side[], before: unknown, after: unknown): void {
    const a = jsonSchemaOf(before);
    const b = jsonSchemaOf(after);
    if (a === undefined && b === undefined) return;
    if (a === undefined) {
      this.add(group, location, "field-added", "minor", "JSON body added", sides);
    } else if (b === undefined) {
      this.add(group, location, "field-removed", "major", "JSON body removed", sides);
    } else {
      this.schema(a, b, { group, location, sides, seen: new Set(), stopAtNames: true });
    }
  }

  // ---- schemas ----------------------------------------------------------------------------------

  private schema(before: unknown, after: unknown, at: SchemaContext): void {
    const a = this.view(this.oldDoc, before);
    const b = this.view(this.newDoc, after);
    // The same named schema on both sides is compared once, in its own group.
    const sameName = a.ref !== undefined && a.ref === b.ref;
    if (sameName && at.stopAtNames) {
      this.facets(a.own, b.own, at, ["description", "nullable", "readOnly"], { siblingsOfRef: true });
      return;
    }
    if (a.ref !== b.ref) {
      // The details follow; this line says why so many of them.
      const name = (ref: string | undefined) => ref ?? "an inline schema";
      this.add(at.group, at.location, "docs-changed", "patch", `now ${name(b.ref)} (was ${name(a.ref)})`, at.sides);
    }
    const pair = `${a.ref ?? ""}→${b.ref ?? ""}@${at.location}`;
    if (a.ref !== undefined || b.ref !== undefined) {
      if (at.seen.has(pair)) return;
      at.seen.add(pair);
    }
    this.facets(a.body, b.body, at, ["description", "nullable", "readOnly", "type", "enum", "format", "bounds"]);
    this.properties(a.body, b.body, at);
    if (a.body.items !== undefined || b.body.items !== undefined) {
      if (a.body.items !== undefined && b.body.items !== undefined) {
        this.schema(a.body.items, b.body.items, { ...at, location: `${at.location}[]`, stopAtNames: true });
      }
    }
    this.additionalProperties(a.body, b.body, at);
    for (const key of ["oneOf", "anyOf", "allOf"]) this.variants(key, a.body[key], b.body[key], at);
  }

  /** `siblingsOfRef`: `a` and `b` are the keywords beside a reference both sides share, not whole schemas. */
  private facets(
    a: Json,
    b: Json,
    at: SchemaContext,
    which: string[],
    options: { siblingsOfRef?: boolean } = {},
  ): void {
    const where = at.location;
    const sides = at.sides;
    const note = (aspect: Aspect, direction: Direction, message: string) =>
      this.add(at.group, where, `${aspect}-${direction}`, classify(direction, aspect, sides), message, sides);
    if (which.includes("description")) {
      for (const key of ["description", "title", "default"]) {
        if (!deepEqual(a[key], b[key])) this.add(at.group, where, "docs-changed", "patch", `${key} changed`, sides);
      }
      if (Boolean(a.deprecated) !== Boolean(b.deprecated)) {
        const message = b.deprecated ? "deprecated: PostHog plans to remove it" : "no longer deprecated";
        this.add(at.group, where, "deprecated", "minor", message, sides);
      }
    }
    const nullable = (schema: Json) => (options.siblingsOfRef ? schema.nullable === true : admitsNull(schema));
    if (which.includes("nullable") && nullable(a) !== nullable(b)) {
      const widened = nullable(b);
      note("nullable", widened ? "widened" : "narrowed", widened ? "became nullable" : "no longer nullable");
    }
    if (which.includes("readOnly") && Boolean(a.readOnly) !== Boolean(b.readOnly) && sides.includes("request")) {
      this.add(
        at.group,
        where,
        "read-only-changed",
        b.readOnly ? "major" : "minor",
        b.readOnly
          ? "became readOnly (no longer accepted in requests)"
          : "no longer readOnly (now accepted in requests)",
        sides,
      );
    }
    if (which.includes("type")) {
      const direction = compareSets(typesOf(a), typesOf(b), typeCovers);
      if (direction) note("type", direction, `type ${describeTypes(a)} → ${describeTypes(b)}`);
    }
    if (which.includes("enum")) {
      const before = Array.isArray(a.enum) ? new Set(a.enum.map(String)) : null;
      const after = Array.isArray(b.enum) ? new Set(b.enum.map(String)) : null;
      const direction = compareSets(before, after, (set, value) => set.has(value));
      if (direction && before && after) {
        const added = [...after].filter((value) => !before.has(value));
        const removed = [...before].filter((value) => !after.has(value));
        const parts = [
          added.length ? `added ${listValues(added)}` : "",
          removed.length ? `removed ${listValues(removed)}` : "",
        ].filter(Boolean);
        note("enum", direction, `enum values ${parts.join(", ")}`);
      } else if (direction) note("enum", direction, before ? "enum constraint removed" : "enum constraint added");
    }
    if (which.includes("format") && a.format !== b.format) {
      const direction: Direction = a.format === undefined ? "narrowed" : b.format === undefined ? "widened" : "changed";
      note("format", direction, `format ${a.format ?? "(none)"} → ${b.format ?? "(none)"}`);
    }
    if (which.includes("bounds")) {
      for (const [key, lower] of BOUNDS) {
        const before = numeric(a[key]);
        const after = numeric(b[key]);
        if (before === after) continue;
        // A lower bound that rises, or an upper bound that falls, admits fewer values.
        const tighter =
          before === undefined ? true : after === undefined ? false : lower ? after > before : after < before;
        note("bounds", tighter ? "narrowed" : "widened", `${key} ${show(a[key])} → ${show(b[key])}`);
      }
      if (a.pattern !== b.pattern) {
        const direction: Direction =
          a.pattern === undefined ? "narrowed" : b.pattern === undefined ? "widened" : "changed";
        note("bounds", direction, `pattern ${show(a.pattern)} → ${show(b.pattern)}`);
      }
    }
  }

  private properties(a: Json, b: Json, at: SchemaContext): void {
    const before = (a.properties ?? {}) as Record<string, Json>;
    const after = (b.properties ?? {}) as Record<string, Json>;
    const requiredBefore = new Set((a.required ?? []) as string[]);
    const requiredAfter = new Set((b.required ?? []) as string[]);
    const path = (name: string) => (at.location ? `${at.location}.${name}` : name);
    for (const [name, schema] of Object.entries(after)) {
      const sides = sidesFor(this.view(this.newDoc, schema).body, at.sides);
      const required = requiredAfter.has(name);
      if (!(name in before)) {
        if (sides.length === 0) continue;
        const level: Level = required && sides.includes("request") ? "major" : "minor";
        this.add(
          at.group,
          path(name),
          "field-added",
          level,
          `${required ? "required" : "optional"} property added (${describeSchema(this.view(this.newDoc, schema).body)})`,
          sides,
        );
        continue;
      }
      if (requiredBefore.has(name) !== required && sides.length) {
        // Request: optional → required narrows what callers may send. Response: required → optional widens what readers get.
        const level = maxLevel(
          sides.map((side) => (side === "request" ? (required ? "major" : "minor") : required ? "minor" : "major")),
        ) as Level;
        this.add(
          at.group,
          path(name),
          "required-changed",
          level,
          required ? "became required" : "became optional",
          sides,
        );
      }
      const union = [
        ...new Set([...sides, ...sidesFor(this.view(this.oldDoc, before[name]).body, at.sides)]),
      ].sort() as Side[];
      this.schema(before[name], schema, {
        ...at,
        location: path(name),
        sides: union.length ? union : at.sides,
        stopAtNames: true,
      });
    }
    for (const [name, schema] of Object.entries(before)) {
      if (name in after) continue;
      const sides = sidesFor(this.view(this.oldDoc, schema).body, at.sides);
      if (sides.length) this.add(at.group, path(name), "field-removed", "major", "property removed", sides);
    }
  }

  private additionalProperties(a: Json, b: Json, at: SchemaContext): void {
    const before = a.additionalProperties;
    const after = b.additionalProperties;
    if (deepEqual(before, after)) return;
    const open = (value: unknown) =>
      value === undefined || value === true || (isObject(value) && Object.keys(value).length === 0);
    if (isObject(before) && isObject(after) && !open(before) && !open(after)) {
      this.schema(before, after, { ...at, location: `${at.location}{}`, stopAtNames: true });
      return;
    }
    if (open(before) === open(after) && before !== false && after !== false) return;
    const direction: Direction = after === false || (open(before) && !open(after)) ? "narrowed" : "widened";
    this.add(
      at.group,
      at.location,
      `type-${direction}`,
      classify(direction, "type", at.sides),
      `additional properties ${direction}`,
      at.sides,
    );
  }

  private variants(key: string, before: unknown, after: unknown, at: SchemaContext): void {
    const a = Array.isArray(before) ? before : [];
    const b = Array.isArray(after) ? after : [];
    if (a.length === 0 && b.length === 0) return;
    const shared = Math.min(a.length, b.length);
    for (let index = 0; index < shared; index++) {
      this.schema(a[index], b[index], { ...at, location: `${at.location}<${key}[${index}]>`, stopAtNames: true });
    }
    if (a.length === b.length) return;
    // allOf intersects (more members = fewer values); oneOf/anyOf unite (more members = more values).
    const more = b.length > a.length;
    const direction: Direction = key === "allOf" ? (more ? "narrowed" : "widened") : more ? "widened" : "narrowed";
    this.add(
      at.group,
      at.location,
      `type-${direction}`,
      classify(direction, "type", at.sides),
      `${key} ${a.length} → ${b.length} members`,
      at.sides,
    );
  }

  // ---- references -------------------------------------------------------------------------------

  private resolve(document: Doc, node: unknown): Json {
    let current = node;
    for (let depth = 0; isObject(current) && typeof current.$ref === "string" && depth < 32; depth++) {
      current = pointer(document, current.$ref as string);
    }
    return isObject(current) ? current : {};
  }

  /**
   * A schema as a named reference plus its own keywords: `$ref: X` and drf's
   * `allOf: [$ref: X], nullable: true` both read as "X, with these siblings".
   */
  private view(document: Doc, node: unknown): { ref?: string; own: Json; body: Json } {
    if (!isObject(node)) return { own: {}, body: {} };
    const single =
      Array.isArray(node.allOf) && node.allOf.length === 1 && isObject(node.allOf[0]) ? node.allOf[0] : undefined;
    const target =
      typeof node.$ref === "string" ? node.$ref : typeof single?.$ref === "string" ? single.$ref : undefined;
    if (target === undefined) return { own: node, body: node };
    const { $ref: _ref, allOf: _allOf, ...own } = node;
    const name = target.match(/^#\/components\/schemas\/([^/]+)$/)?.[1];
    return { ref: name ?? target, own, body: { ...this.resolve(document, { $ref: target }), ...own } };
  }
}

interface SchemaContext {
  group: string;
  location: string;
  sides: Side[];
  seen: Set<string>;
  /** Stop at a named schema that both sides reference (it gets its own group). */
  stopAtNames?: boolean;
}

const BOUNDS: Array<[string, boolean]> = [
  ["minimum", true],
  ["exclusiveMinimum", true],
  ["minLength", true],
  ["minItems", true],
  ["minProperties", true],
  ["maximum", false],
  ["exclusiveMaximum", false],
  ["maxLength", false],
  ["maxItems", false],
  ["maxProperties", false],
];

/** readOnly properties exist only in responses, writeOnly ones only in requests. */
function sidesFor(schema: Json, sides: Side[]): Side[] {
  if (schema.readOnly === true) return sides.filter((side) => side === "response");
  if (schema.writeOnly === true) return sides.filter((side) => side === "request");
  return sides;
}

function operations(document: Doc): Operation[] {
  return listOperations(document as unknown as OpenAPIDocument).map((op) => ({
    key: op.key,
    path: op.path,
    method: op.method,
    operation: op.operation as Json,
    parameters: op.parameters as unknown as Json[],
  }));
}

function groupOf(op: Operation): string {
  return `${op.method.toUpperCase()} ${op.path}${op.operation.operationId ? ` (${op.operation.operationId})` : ""}`;
}

function byPathThenMethod(a: string, b: string): number {
  const [ma = "", pa = ""] = a.split(" ");
  const [mb = "", pb = ""] = b.split(" ");
  return pa === pb ? METHODS.indexOf(ma.toLowerCase()) - METHODS.indexOf(mb.toLowerCase()) : pa < pb ? -1 : 1;
}

/** Which sides (request/response) each named schema is used on, following references transitively. */
function schemaUsage(document: Doc): Map<string, Set<Side>> {
  const usage = new Map<string, Set<Side>>();
  const mark = (node: unknown, side: Side) => {
    for (const name of schemasUsedBy(document as unknown as OpenAPIDocument, node)) {
      usage.set(name, (usage.get(name) ?? new Set<Side>()).add(side));
    }
  };
  for (const op of operations(document)) {
    mark([op.parameters, op.operation.requestBody ?? null], "request");
    mark(op.operation.responses ?? null, "response");
  }
  return usage;
}

/** The node a local reference names, or undefined (never a throw: a broken reference is just absent). */
function pointer(document: Doc, ref: string): unknown {
  try {
    return followPointer(document, ref);
  } catch {
    return undefined;
  }
}

function jsonSchemaOf(content: unknown): unknown {
  const media = isObject(content) ? jsonMedia(content) : undefined;
  return isObject(media) ? (media.schema ?? {}) : undefined;
}

/**
 * Whether a schema admits null. An untyped schema admits every value, null included, however it is
 * spelled: OpenAPI 3.1 writes `{}`, drf-spectacular's 3.0 output `{nullable: true}` (3.0.3: `nullable`
 * only acts beside a `type`), so the two are the same set and neither is a nullability change.
 */
function admitsNull(schema: Json): boolean {
  if (schema.nullable === true) return true;
  const composed = ["allOf", "oneOf", "anyOf", "not", "$ref"].some((key) => key in schema);
  return !composed && typesOf(schema) === null;
}

/** The JSON types a schema admits, or null for "anything". `nullable` is its own aspect. */
function typesOf(schema: Json): Set<string> | null {
  const declared = schema.type;
  if (Array.isArray(declared)) return new Set(declared.map(String).filter((type) => type !== "null"));
  if (typeof declared === "string") return new Set([declared]);
  if (schema.properties || schema.additionalProperties) return new Set(["object"]);
  if (schema.items) return new Set(["array"]);
  if (Array.isArray(schema.enum)) {
    return new Set(
      schema.enum
        .filter((value) => value !== null)
        .map((value) => (typeof value === "bigint" ? "integer" : Number.isInteger(value) ? "integer" : typeof value)),
    );
  }
  return null;
}

function typeCovers(types: Set<string>, type: string): boolean {
  return types.has(type) || (type === "integer" && types.has("number"));
}

/** narrowed / widened / changed between two value sets (null = everything), or null when equal. */
function compareSets<T extends Set<string>>(
  before: T | null,
  after: T | null,
  covers: (set: T, value: string) => boolean,
): Direction | null {
  if (before === null && after === null) return null;
  if (before === null) return "narrowed";
  if (after === null) return "widened";
  const lost = [...before].some((value) => !covers(after, value));
  const gained = [...after].some((value) => !covers(before, value));
  if (lost && gained) return "changed";
  if (lost) return "narrowed";
  if (gained) return "widened";
  return null;
}

function describeTypes(schema: Json): string {
  const types = typesOf(schema);
  return types ? [...types].join(" | ") : "any";
}

function describeSchema(schema: Json): string {
  const base = Array.isArray(schema.enum) ? `enum of ${schema.enum.length}` : describeTypes(schema);
  return [base, schema.nullable ? "nullable" : "", schema.readOnly ? "readOnly" : ""].filter(Boolean).join(", ");
}

function listValues(values: string[]): string {
  const shown = values.slice(0, 5).map((value) => JSON.stringify(value));
  return values.length > 5 ? `${shown.join(", ")} and ${values.length - 5} more` : shown.join(", ");
}

function numeric(value: unknown): number | undefined {
  return typeof value === "number" ? value : typeof value === "bigint" ? Number(value) : undefined;
}

function show(value: unknown): string {
  return value === undefined ? "(none)" : String(value);
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
