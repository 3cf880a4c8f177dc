/**
 * add_product_intent (201, Team shape) and complete_product_onboarding (200, Team shape; its own
 * `{"error": …}` 400s first, then the same ProductIntentSerializer checks as add_product_intent).
 * Both go through ProductIntent.register: one row per product, `contexts` counted, the onboarding
 * time set on every completion. Sources: posthog/api/project.py,
 * posthog/models/product_intent/product_intent.py.
 */

import type { Behaviour, RequestContext } from "../context.js";
import type { Project, StoredProject } from "../database.js";
import { json, RawResponseError, serverError } from "../engine/api-error.js";
import { type ErrorTree, FieldFailure, runField } from "../engine/drf-fields.js";
import { drfDateTime, pythonStr, pythonTruthy } from "../engine/python.js";
import { assertDict, validationFailure } from "../engine/serializer-errors.js";
import { teamView } from "./records.js";

type Intent = Project["product_intents"][number];

/**
 * ProductIntentSerializer: `metadata` (DictField, default {}), `product_type` (ChoiceField of
 * ProductKey, required), `intent_context` (ChoiceField of ProductIntentContext), in that order.
 */
function validateIntent(context: RequestContext, data: unknown): { productType: string; intentContext: string | null } {
  assertDict(data);
  const errors: Record<string, ErrorTree> = {};
  const attempt = (name: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      if (!(error instanceof FieldFailure)) throw error;
      errors[name] = error.tree;
    }
  };
  const { productKeys, intentContexts } = context.runtime;
  attempt("metadata", () => {
    if (Object.hasOwn(data, "metadata")) runField({ kind: "dict", allowNull: false }, data.metadata);
  });
  attempt("product_type", () => {
    if (!Object.hasOwn(data, "product_type"))
      throw new FieldFailure({ detail: "This field is required.", code: "required" });
    runField({ kind: "choice", allowNull: false, choices: productKeys }, data.product_type);
  });
  attempt("intent_context", () => {
    if (!Object.hasOwn(data, "intent_context")) return;
    const value = data.intent_context;
    // The fake accepts any context text unless it was given PostHog's list.
    const choices = intentContexts ?? (typeof value === "string" ? [value] : []);
    runField({ kind: "choice", allowNull: false, choices }, value);
  });
  if (Object.keys(errors).length) throw validationFailure(errors);
  const intentContext = Object.hasOwn(data, "intent_context") ? pythonStr(data.intent_context) : null;
  return { productType: String(data.product_type), intentContext };
}

/** ProductIntent.register. */
function register(
  context: RequestContext,
  stored: StoredProject,
  productType: string,
  intentContext: string | null,
  onboarding: boolean,
) {
  const now = drfDateTime(context.runtime.now());
  const intents = stored.data.product_intents as Intent[];
  let intent = intents.find((i) => i.product_type === productType);
  const created = !intent;
  if (!intent) {
    intent = { product_type: productType, created_at: now, onboarding_completed_at: null, updated_at: now };
    intents.push(intent);
  }
  if (onboarding) intent.onboarding_completed_at = now;
  if (!created) intent.updated_at = now;
  // Keys are the client's text ("__proto__" included): a prototype-less record.
  const contexts = stored.intentContexts.get(productType) ?? (Object.create(null) as Record<string, number>);
  const key = String(intentContext);
  contexts[key] = (contexts[key] ?? 0) + 1;
  stored.intentContexts.set(productType, contexts);
}

export const addProductIntent: Behaviour = async (context) => {
  const stored = context.project();
  const { productType, intentContext } = validateIntent(context, await context.rawBody());
  register(context, stored, productType, intentContext, false);
  return json(201, teamView(context.runtime, stored));
};

export const completeProductOnboarding: Behaviour = async (context) => {
  const stored = context.project();
  const data = await context.rawBody();
  // request.data.get(...): a body that is not a JSON object raises AttributeError (a 500).
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw serverError();
  const productType = (data as Record<string, unknown>).product_type;
  if (!pythonTruthy(productType)) throw new RawResponseError(json(400, { error: "product_type is required" }));
  const keys = context.runtime.productKeys;
  if (typeof productType !== "string" || !keys.includes(productType)) {
    const members = keys.map((key) => `<ProductKey.${key.toUpperCase()}: '${key}'>`).join(", ");
    throw new RawResponseError(json(400, { error: `invalid product_type, expected one of [${members}]` }));
  }
  const { intentContext } = validateIntent(context, data);
  register(context, stored, productType, intentContext, true);
  return json(200, teamView(context.runtime, stored));
};
