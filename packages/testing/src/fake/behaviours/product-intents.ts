/**
 * add_product_intent (201, Team shape) and complete_product_onboarding (200, Team shape; its own
 * `{"error": …}` 400 bodies). Both record the product in `product_intents`, one row per product.
 */
import { json, RawResponseError } from "../api-error.js";
import type { Behaviour, RequestContext } from "../context.js";
import type { Project, StoredProject } from "../database.js";
import { teamView } from "../project-records.js";

type Intent = Project["product_intents"][number];

function register(
  context: RequestContext,
  stored: StoredProject,
  productType: string,
  intentContext: string,
  onboarding: boolean,
): void {
  const now = context.runtime.now().toISOString();
  const intents = stored.data.product_intents as Intent[];
  let intent = intents.find((i) => i.product_type === productType);
  if (!intent) {
    intent = { product_type: productType, created_at: now, onboarding_completed_at: null, updated_at: now };
    intents.push(intent);
  }
  intent.updated_at = now;
  if (onboarding && !intent.onboarding_completed_at) intent.onboarding_completed_at = now;
  const contexts = stored.intentContexts.get(productType) ?? {};
  contexts[intentContext] = (contexts[intentContext] ?? 0) + 1;
  stored.intentContexts.set(productType, contexts);
}

export const addProductIntent: Behaviour = async (context) => {
  const stored = context.project();
  const body = await context.body();
  const intentContext = typeof body.intent_context === "string" ? body.intent_context : "unknown";
  register(context, stored, String(body.product_type), intentContext, false);
  return json(201, teamView(stored.data));
};

export const completeProductOnboarding: Behaviour = async (context) => {
  const stored = context.project();
  const body = (await context.rawBody()) as Record<string, unknown> | null;
  const productType = body && typeof body === "object" ? body.product_type : undefined;
  if (!productType) throw new RawResponseError(json(400, { error: "product_type is required" }));
  const keys = context.runtime.productKeys;
  if (typeof productType !== "string" || !keys.includes(productType)) {
    const members = keys.map((key) => `<ProductKey.${key.toUpperCase()}: '${key}'>`).join(", ");
    throw new RawResponseError(json(400, { error: `invalid product_type, expected one of [${members}]` }));
  }
  const intentContext = typeof body?.intent_context === "string" ? body.intent_context : "unknown";
  register(context, stored, productType, intentContext, true);
  return json(200, teamView(stored.data));
};
