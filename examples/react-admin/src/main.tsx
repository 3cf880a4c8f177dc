import { createClient } from "@hogkit/client";
import { HogkitProvider } from "@hogkit/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import "./styles.css";

// No API key in the browser: every call goes to the dev server's same-origin proxy, which adds the
// credentials (a personal API key or a PostHog session) on the server side.
const client = createClient({ host: "/posthog-proxy" });
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } });

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <HogkitProvider client={client}>
        <App />
      </HogkitProvider>
    </QueryClientProvider>
  </StrictMode>,
);
