/**
 * @hogkit/testing: seeded, schema-valid factories and a stateful fake of PostHog's Projects API
 * (MSW handlers, a real HTTP server, the `hogkit-mock` CLI), with fault injection.
 */
export { createFactories, type Factories, type FactoryOptions } from "./factories.js";
export type { PageOptions } from "./factory-pages.js";
export type {
  ActivityLogEntry,
  ApiKeyKind,
  FakeApiKey,
  FakeDatabase,
  FakeOrganization,
  FakeSession,
  FakeUser,
  MembershipLevel,
  ProductFeature,
  Project,
  StoredProject,
} from "./fake/database.js";
export type { CountedFault, FaultInjector, FaultScope, RateLimitFault } from "./fake/engine/faults.js";
export {
  DEFAULT_PRODUCT_KEYS,
  type FakeApiKeyInput,
  type FakeOrganizationInput,
  type FakePostHogOptions,
} from "./fake/fake-core.js";
export type { ListenOptions, RunningServer } from "./fake/http-server.js";
export { SeedDataError } from "./fake/seed-data.js";
export { createFakePostHog, type FakePostHog, type MswRequestHandler } from "./fake.js";
export { type FactoryName, factoryTable, type GeneratedFactories } from "./generated/factories.js";
export { schemaDocument } from "./generated/schemas.js";
export type { Overrides } from "./overrides.js";
export type { JsonSchema, JsonSchemaDocument, SchemaView } from "./schema-document.js";
export { createSchemaValidator, type SchemaValidator } from "./schema-validator.js";
