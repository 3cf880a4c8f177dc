/**
 * A Node script's use of @hogkit/client, type-checked without the DOM lib (only @types/node), as
 * server-side TypeScript projects usually are: the client's declarations must not need DOM types.
 */
import { createClient, isPostHogApiError, type Project, type ProjectUpdate } from "@hogkit/client";
import type { operationTable } from "@hogkit/types";

const posthog = createClient({ apiKey: "phx_example", headers: { "user-agent": "nightly-sync" }, maxRetries: 1 });
const change: ProjectUpdate = { timezone: "Europe/Paris" };

export async function renameAll(prefix: string): Promise<Project[]> {
  const updated: Project[] = [];
  for await (const project of posthog.projects.iterate({ limit: 100 })) {
    try {
      updated.push(await posthog.projects.update(project.id, { ...change, name: `${prefix}${project.name}` }));
    } catch (error) {
      if (isPostHogApiError(error) && error.status === 404) continue;
      throw error;
    }
  }
  return updated;
}

export type Operations = (typeof operationTable)[number]["operationId"];
