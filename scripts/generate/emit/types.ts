/** `@hogkit/types`: TypeScript types of the whole document, through openapi-typescript's Node API. */
import openapiTS, { astToString } from "openapi-typescript";
import { type Emitter, header } from "../context.ts";

export const emitTypes: Emitter = async (context) => {
  const ast = await openapiTS(context.document as never, {
    // readOnly fields become $Read<T>, which openapi-fetch's Writable<T> drops from request bodies.
    readWriteMarkers: true,
    alphabetize: false,
    silent: true,
  });
  return [{ path: "packages/types/src/generated/openapi.ts", contents: header(context) + astToString(ast) }];
};
