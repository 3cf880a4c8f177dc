// @vitest-environment node
/**
 * The README's Next.js App Router files, run as written on the server side of a request: the page
 * (a Server Component: an async function) prefetches through the built package against the fake
 * over HTTP, and the Client Components render its dehydrated cache with react-dom/server, as Next
 * renders them. The browser side (hydration without a second request, the proxy) is proved by
 * examples/next-app's Chromium test; here, that the server side works as the README says.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createFakePostHog } from "@hogkit/testing";
import type { ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, expect, it } from "vitest";

const here = resolve(import.meta.dirname, "..");
const scratch = join(here, "test/.tmp-readme-next");
const fake = createFakePostHog({ seed: 5, projects: ["Web app", "Checkout", "Docs"].map((name) => ({ name })) });
let close: () => Promise<void>;
const seen: string[] = [];
const realFetch = globalThis.fetch;

function block(title: string): string {
  const readme = readFileSync(join(here, "README.md"), "utf8");
  const match = readme.match(new RegExp(`\`\`\`tsx title="${title.replace(/[.[\]]/g, "\\$&")}"\\n([\\s\\S]*?)\`\`\``));
  if (!match?.[1]) throw new Error(`README.md has no \`\`\`tsx title="${title}" block`);
  return match[1];
}

beforeAll(async () => {
  const server = await fake.listen();
  close = server.close;
  process.env.POSTHOG_HOST = server.url;
  process.env.POSTHOG_PERSONAL_API_KEY = fake.apiKey;
  globalThis.fetch = (input, init) => {
    seen.push(
      `${init?.method ?? (input as Request).method ?? "GET"} ${new URL(String(input instanceof Request ? input.url : input)).pathname}`,
    );
    return realFetch(input, init);
  };
  mkdirSync(join(scratch, "app"), { recursive: true });
  for (const name of ["page", "projects", "providers"])
    writeFileSync(join(scratch, `app/${name}.tsx`), block(`app/${name}.tsx`));
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  delete process.env.POSTHOG_HOST;
  delete process.env.POSTHOG_PERSONAL_API_KEY;
  rmSync(scratch, { recursive: true, force: true });
  await close?.();
});

it("the page prefetches on the server and the client components render the hydrated list in the HTML", async () => {
  const page = (await import(/* @vite-ignore */ join(scratch, "app/page.tsx"))) as {
    default: () => Promise<ReactNode>;
    dynamic: string;
  };
  // Importing the providers module on the server must not throw (its client has a path host).
  const { Providers } = (await import(/* @vite-ignore */ join(scratch, "app/providers.tsx"))) as {
    Providers: (props: { children: ReactNode }) => ReactNode;
  };
  expect(page.dynamic).toBe("force-dynamic");
  const html = renderToString(<Providers>{await page.default()}</Providers>);
  for (const name of ["Web app", "Checkout", "Docs"]) expect(html).toContain(`<li>${name}</li>`);
  // One request, the server's prefetch; rendering the hooks over the hydrated cache asked for nothing.
  expect(seen).toEqual([`GET /api/organizations/@current/projects/`]);
});
