"use client";

import { createClient } from "@hogkit/client";
import { HogkitProvider } from "@hogkit/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

// No key in the browser: every call goes to the same-origin proxy. A path host is resolved when a
// request is sent, so this module-scope client is fine while Next renders Client Components on the server.
const posthog = createClient({ host: "/posthog-proxy" });

export function Providers({ children }: { children: ReactNode }) {
  // A staleTime keeps what the server prefetched from being fetched again as the page hydrates.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } }));
  return (
    <QueryClientProvider client={queryClient}>
      <HogkitProvider client={posthog}>{children}</HogkitProvider>
    </QueryClientProvider>
  );
}
