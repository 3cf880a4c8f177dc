import { isPostHogApiError } from "@hogkit/client";
import { useRotateSecretToken } from "@hogkit/react";
import type { Project } from "@hogkit/types";
import { ErrorMessage } from "./ErrorMessage.js";

/** `phs_abc…wxyz`: enough to tell two tokens apart, not enough to use one. */
export function maskToken(token: string | null | undefined): string {
  if (!token) return "none";
  return token.length <= 12 ? "••••" : `${token.slice(0, 4)}••••${token.slice(-4)}`;
}

export function SecretTokenPanel({ project }: { project: Project }) {
  const rotate = useRotateSecretToken();
  // PostHog refuses personal API keys for this action: say so plainly instead of a bare 403.
  const refused =
    isPostHogApiError(rotate.error) &&
    rotate.error.status === 403 &&
    /personal API key/i.test(rotate.error.detail ?? "");
  return (
    <section aria-label="Secret token">
      <h3>Project secret token</h3>
      <p>
        Current: <code data-testid="secret-token">{maskToken(project.secret_api_token)}</code>
        {project.secret_api_token_backup ? (
          <>
            {" "}
            · previous (still valid):{" "}
            <code data-testid="secret-backup">{maskToken(project.secret_api_token_backup)}</code>
          </>
        ) : null}
      </p>
      <button type="button" disabled={rotate.isPending} onClick={() => rotate.mutate({ id: project.id })}>
        {rotate.isPending ? "Rotating…" : "Rotate secret token"}
      </button>
      {refused ? (
        <p className="error" role="alert" data-testid="rotate-refused">
          PostHog does not let personal API keys rotate secret tokens: only a logged-in PostHog session can. Rotate it
          in PostHog's project settings, or run this admin behind a proxy that forwards your PostHog session.
        </p>
      ) : rotate.error ? (
        <ErrorMessage error={rotate.error} action="rotate the secret token" />
      ) : null}
      {rotate.isSuccess ? (
        <p className="saved">Rotated. The previous token keeps working until you delete it.</p>
      ) : null}
    </section>
  );
}
