/**
 * Request bodies: a component schema without the fields PostHog sets itself. openapi-typescript's
 * `Writable<T>` types such a field as `?: never`, so sending one fails with "Type 'string' is not
 * assignable to type 'undefined'", which names neither the field nor the reason. Here the field
 * is typed `ReadOnlyField<"api_token">`, and the error says so under TypeScript 5.9 and 7 alike:
 * `Type 'string' is not assignable to type 'ReadOnlyField<"api_token">'`.
 */
import type { $Read, $Write } from "./generated/openapi.js";

/** A field PostHog sets itself (`id`, `api_token`, `created_at`, …): a request body cannot carry it. */
export interface ReadOnlyField<Name extends string> {
  readonly "read-only: PostHog sets this field, a request cannot": Name;
}

/** `T` as a request body: writable fields as they are, read-only ones refused by name. */
export type RequestBody<T> =
  T extends $Read<unknown>
    ? never
    : T extends $Write<infer U>
      ? RequestBody<U>
      : T extends (infer E)[]
        ? RequestBody<E>[]
        : T extends object
          ? {
              [K in keyof T as NonNullable<T[K]> extends $Read<unknown> ? never : K]: RequestBody<T[K]>;
            } & {
              [K in keyof T as NonNullable<T[K]> extends $Read<unknown> ? K : never]?: ReadOnlyField<K & string>;
            }
          : T;
