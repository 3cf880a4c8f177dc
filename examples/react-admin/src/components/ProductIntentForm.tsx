import { useAddProductIntent } from "@hogkit/react";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

const PRODUCTS = ["product_analytics", "session_replay", "feature_flags", "experiments", "surveys", "web_analytics"];

/** Records that the team means to use a product; PostHog answers with the environment, not the project. */
export function ProductIntentForm({ projectId }: { projectId: number }) {
  const [product, setProduct] = useState(PRODUCTS[0] ?? "product_analytics");
  const add = useAddProductIntent();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ id: projectId, body: { product_type: product, intent_context: "hogkit example" } });
  };
  return (
    <form onSubmit={submit} aria-label="Product intent">
      <h3>Product intent</h3>
      <select name="product_type" value={product} onChange={(e) => setProduct(e.target.value)}>
        {PRODUCTS.map((key) => (
          <option key={key}>{key}</option>
        ))}
      </select>
      <button type="submit" disabled={add.isPending}>
        Add intent
      </button>
      {add.error ? <ErrorMessage error={add.error} action="add the product intent" /> : null}
    </form>
  );
}
