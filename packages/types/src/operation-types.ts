/**
 * Per-operation type helpers keyed by operationId, so that generated SDK code can say
 * `OperationResult<"projects_retrieve">` instead of repeating openapi-typescript's nesting.
 */
import type { operations, Readable } from "./generated/openapi.js";
import type { RequestBody } from "./request-body.js";

type Op<Id extends keyof operations> = operations[Id];
type Parameters<Id extends keyof operations> = Op<Id> extends { parameters: infer P } ? P : never;
type JsonContent<T> = T extends { content: { "application/json": infer C } } ? C : never;
type SuccessCode = 200 | 201 | 202 | 203 | 204 | 205 | 206;
type Responses<Id extends keyof operations> = Op<Id> extends { responses: infer R } ? R : never;

/** Path parameters of an operation (e.g. `{ organization_id: string; id: number }`). */
export type OperationPathParams<Id extends keyof operations> =
  Parameters<Id> extends { path: infer P } ? NonNullable<P> : never;

/** Query parameters of an operation; every field optional unless the spec requires it. */
export type OperationQuery<Id extends keyof operations> =
  Parameters<Id> extends { query?: infer Q } ? ([Q] extends [never | undefined] ? never : NonNullable<Q>) : never;

/** The JSON request body an operation accepts; a read-only field in it is an error that names it. */
export type OperationBody<Id extends keyof operations> =
  Op<Id> extends { requestBody?: infer B } ? RequestBody<JsonContent<NonNullable<B>>> : never;

/** The JSON a successful call returns (`undefined` for 204 No Content). */
export type OperationResult<Id extends keyof operations> = {
  [Code in keyof Responses<Id>]: Code extends SuccessCode
    ? [JsonContent<Responses<Id>[Code]>] extends [never]
      ? undefined
      : Readable<JsonContent<Responses<Id>[Code]>>
    : never;
}[keyof Responses<Id>];
