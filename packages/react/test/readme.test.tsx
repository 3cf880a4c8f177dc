/** The README's quick start, run as written against the fake PostHog behind a same-origin proxy. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { afterAll, expect, it } from "vitest";
import { fake, server } from "./setup.js";

const here = resolve(import.meta.dirname, "..");
const scratch = join(here, "test/.tmp-readme");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function quickStart(): string {
  const readme = readFileSync(join(here, "README.md"), "utf8");
  const block = readme.slice(readme.indexOf("## Quick start")).match(/```tsx\n([\s\S]*?)```/);
  if (!block?.[1]) throw new Error("README.md has no ```tsx block under ## Quick start");
  return block[1];
}

it("the README quick start lists and renames projects through a same-origin proxy", async () => {
  // What a proxy does: forward /posthog-proxy/* to PostHog (here the fake), adding the key server-side.
  server.use(
    http.all("*/posthog-proxy/*", async ({ request }) => {
      const url = new URL(request.url);
      const target = new URL(url.pathname.replace(/^\/posthog-proxy/, "") + url.search, "https://us.posthog.com");
      const headers = new Headers(request.headers);
      headers.set("authorization", `Bearer ${fake.apiKey}`);
      const body = request.method === "GET" ? undefined : await request.text();
      const response = await fake.handle(new Request(target, { method: request.method, headers, body }));
      return new HttpResponse(response.body, response);
    }),
  );
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, "quick-start.tsx");
  writeFileSync(file, quickStart());
  // The default export, as create-vite's src/main.tsx imports src/App.tsx.
  const { default: App } = (await import(/* @vite-ignore */ file)) as { default: () => React.JSX.Element };

  render(<App />);
  await screen.findByText(/Project 01/);
  expect(screen.getAllByRole("listitem")).toHaveLength(20);
  screen.getAllByRole("button", { name: "Rename" })[0]?.click();
  await waitFor(() => expect(fake.db.project(1)?.name).toBe("Project 01!"));
  // The update invalidated the list, which refetched and shows the new name.
  await screen.findByText(/Project 01!/);
});
