import { isPostHogApiError } from "@hogkit/client";

/** An API error in words a person can act on; the client's messages never contain secrets. */
export function ErrorMessage({ error, action }: { error: unknown; action: string }) {
  const text = isPostHogApiError(error) ? error.message : error instanceof Error ? error.message : String(error);
  return (
    <p className="error" role="alert">
      Could not {action}: {text}
    </p>
  );
}
