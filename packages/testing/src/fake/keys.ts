/**
 * The keys the fake accepts, as the seed gives them (`keys`, `createKey`, `hogkit-mock --data`):
 * checked for the types PostHog stores, then minted (a `phx_…` key or `pha_…` token from the seed).
 */
import { personalApiKey } from "../tokens.js";
import type { FakeRuntime } from "./context.js";
import type { FakeApiKey } from "./database.js";
import type { FakeApiKeyInput } from "./options.js";
import { SeedDataError } from "./seed-data.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isList = (value: unknown, item: (entry: unknown) => boolean): boolean =>
  Array.isArray(value) && value.every(item);

/** A key as the seed data gives it (`keys`, `createKey`, `hogkit-mock --data`): the types PostHog stores. */
function checkKeyInput(input: FakeApiKeyInput, where: string): void {
  const fail = (field: string, message: string) => {
    throw new SeedDataError(`[hogkit fake] ${where}.${field}: ${message}`);
  };
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new SeedDataError(`[hogkit fake] ${where}: each key must be an object`);
  }
  const known = ["key", "kind", "scopes", "scopedOrganizations", "scopedTeams"];
  for (const field of Object.keys(input)) if (!known.includes(field)) fail(field, "not a key option (misspelt?)");
  if (input.key !== undefined && (typeof input.key !== "string" || !input.key))
    fail("key", "must be a non-empty string");
  const scope = (entry: unknown) => typeof entry === "string" && /^(\*|[a-z_]+:(read|write))$/.test(entry);
  if (input.scopes !== undefined && !isList(input.scopes, scope)) {
    fail("scopes", 'must be a list of PostHog scopes ("*", "project:read", "project:write", …)');
  }
  if (
    input.scopedOrganizations !== undefined &&
    !isList(input.scopedOrganizations, (id) => typeof id === "string" && UUID.test(id))
  ) {
    fail("scopedOrganizations", "must be a list of organization UUIDs");
  }
  if (
    input.scopedTeams !== undefined &&
    !isList(input.scopedTeams, (id) => typeof id === "number" && Number.isSafeInteger(id) && id > 0)
  ) {
    fail("scopedTeams", "must be a list of project ids");
  }
}

/** A checked key, stored; the record. */
export function addKey(runtime: FakeRuntime, input: FakeApiKeyInput, where: string): FakeApiKey {
  checkKeyInput(input, where);
  const kind = input.kind ?? "personal";
  if (kind !== "personal" && kind !== "oauth")
    throw new SeedDataError(`[hogkit fake] ${where}.kind must be "personal" or "oauth"`);
  const generated = personalApiKey(runtime.factories.random);
  const key = input.key ?? (kind === "oauth" ? `pha_${generated.slice(4)}` : generated);
  if (kind === "oauth" && !key.startsWith("pha_")) {
    throw new SeedDataError(`[hogkit fake] ${where}.key: PostHog recognises OAuth access tokens by their pha_ prefix`);
  }
  if (kind === "personal" && key.startsWith("pha_")) {
    throw new SeedDataError(`[hogkit fake] ${where}.key: a pha_ token is an OAuth access token (kind: "oauth")`);
  }
  const record: FakeApiKey = {
    key,
    kind,
    scopes: [...(input.scopes ?? ["*"])],
    scopedOrganizations: (input.scopedOrganizations ?? []).map((id) => id.toLowerCase()),
    scopedTeams: [...(input.scopedTeams ?? [])],
  };
  runtime.db.keys.push(record);
  return record;
}
