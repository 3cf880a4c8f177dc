/**
 * `@hogkit/client/funcs`: one standalone function per operation, `<resource><Method>(core, …)`,
 * each taking a core from `createCore()` or a client from `createClient()`. A bundler keeps only the
 * functions an app imports.
 */
export * from "./generated/funcs.js";
