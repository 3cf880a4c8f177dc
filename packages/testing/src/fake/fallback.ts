/**
 * An operation with no named behaviour (one added to the spec later) still works: its project is
 * looked up and its body validated like any other, and it answers a generated, schema-valid value.
 */
import { json } from "./api-error.js";
import type { Behaviour } from "./context.js";

export const generatedResponse: Behaviour = async (context) => {
  if (context.row.pathParams.some((p) => p.name === "id")) context.project();
  if (context.row.body) await context.body();
  const { successStatus, responseSchema } = context.row;
  if (successStatus === 204 || successStatus === 205) return new Response(null, { status: successStatus });
  const value = responseSchema ? context.runtime.factories.buildSchema(responseSchema, "read") : {};
  return json(successStatus, value);
};
