/** The client the hooks call: whatever `createClient` from @hogkit/client returns. */
import type { createClient } from "@hogkit/client";

export type HogkitClient = ReturnType<typeof createClient>;
