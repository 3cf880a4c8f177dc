/**
 * Makes a @hogkit/client instance available to the hooks. It does not create a QueryClient: put it
 * inside your own `<QueryClientProvider>`, so that caching, devtools and SSR stay yours to configure.
 */
import { createContext, type ReactNode, useContext } from "react";
import type { HogkitClient } from "./client-types.js";

const HogkitContext = createContext<HogkitClient | null>(null);

export interface HogkitProviderProps {
  client: HogkitClient;
  children?: ReactNode;
}

export function HogkitProvider({ client, children }: HogkitProviderProps) {
  return <HogkitContext.Provider value={client}>{children}</HogkitContext.Provider>;
}

/** The client from the nearest `<HogkitProvider>`; throws a clear error outside one. */
export function useHogkitClient(): HogkitClient {
  const client = useContext(HogkitContext);
  if (!client) {
    throw new Error(
      "@hogkit/react: no client. Wrap your components in <HogkitProvider client={createClient(…)}> (inside your <QueryClientProvider>).",
    );
  }
  return client;
}
