/**
 * The built example app in headless Chromium, against the fake PostHog behind the app's proxy:
 * list → open → rename + time zone → product intent → rotate the secret token → delete, asserting
 * what the page shows and what the fake then holds. Run twice: with a personal API key (PostHog
 * refuses the rotation, and the page says why) and with a browser session (the rotation works).
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { createFakePostHog, type FakePostHog } from "@hogkit/testing";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeUpstream } from "../proxy/upstream.js";
import { launchChromium } from "./browser.js";
import { servePreview } from "./preview-server.js";

const NAMES = ["Marketing site", "Checkout", "Docs", "Billing", "Support portal", "Status page"];
const NAMES_PLUS = [...NAMES, ...Array.from({ length: 9 }, (_, i) => `Side project ${i + 1}`)];
const CHECKOUT_SECRET = "phs_4Gq7TzKw9rXb2MvN8cJd5HfYp3LsQe6WtRu1";
const shots = resolve(import.meta.dirname, "../test-results");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(shots, { recursive: true });
}, 60_000);
afterAll(() => browser?.close());

interface Session {
  fake: FakePostHog;
  page: Page;
  url: string;
}

/**
 * A fresh fake behind the built app's proxy and a new page; asserts the page threw nothing, keeps
 * a screenshot of a failure, and closes everything.
 */
async function inBrowser(credentials: "personal-api-key" | "session", run: (session: Session) => Promise<void>) {
  const fake = createFakePostHog({
    seed: 11,
    projects: NAMES_PLUS.map((name) => (name === "Checkout" ? { name, secret_api_token: CHECKOUT_SECRET } : { name })),
  });
  const server = await servePreview(fakeUpstream(fake, credentials));
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  try {
    await run({ fake, page, url: server.url });
    expect(problems).toEqual([]);
  } catch (error) {
    await page.screenshot({ path: resolve(shots, `failure-${credentials}.png`), fullPage: true });
    throw error;
  } finally {
    await page.close();
    await server.close();
  }
}

async function openCheckout(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.getByTestId("range").getByText("1–10 of 15").waitFor();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByTestId("range").getByText("11–15 of 15").waitFor();
  await page.getByRole("button", { name: "Previous" }).click();
  await page.getByRole("link", { name: "Checkout" }).click();
  await page.getByTestId("project-name").getByText("Checkout").waitFor();
  return Number(new URL(page.url()).hash.split("/").pop());
}

describe("react-admin in Chromium", () => {
  it("with a personal API key: list, open, rename, add an intent, refused rotation, delete", async () => {
    await inBrowser("personal-api-key", async ({ fake, page, url }) => {
      await page.goto(url);
      await page.getByTestId("connection").getByText("hogkit-mock · personal API key").waitFor();
      const id = await openCheckout(page, url);

      const settings = page.getByRole("form", { name: "Project settings" });
      await settings.locator('input[name="name"]').fill("Checkout (EU)");
      await settings.locator('select[name="timezone"]').selectOption("Europe/Berlin");
      await settings.getByRole("button", { name: "Save" }).click();
      await settings.getByText("Saved").waitFor();
      await page.getByTestId("project-name").getByText("Checkout (EU)").waitFor();
      expect(fake.db.project(id)).toMatchObject({ name: "Checkout (EU)", timezone: "Europe/Berlin" });

      const intent = page.getByRole("form", { name: "Product intent" });
      await intent.getByRole("combobox").selectOption("session_replay");
      await intent.getByRole("button", { name: "Add intent" }).click();
      await page.getByTestId("intents").getByText("session_replay").waitFor();
      expect(fake.db.project(id)?.product_intents?.map((i) => i.product_type)).toEqual(["session_replay"]);

      const secretBefore = fake.db.project(id)?.secret_api_token;
      const masked = await page.getByTestId("secret-token").textContent();
      expect(masked).toMatch(/^phs_••••.{4}$/);
      expect(await page.content()).not.toContain(secretBefore ?? "no secret");
      await page.getByRole("button", { name: "Rotate secret token" }).click();
      await page
        .getByTestId("rotate-refused")
        .getByText(/does not let personal API keys rotate/)
        .waitFor();
      expect(fake.db.project(id)?.secret_api_token).toBe(secretBefore);
      await page.screenshot({ path: resolve(shots, "react-admin-personal-key.png"), fullPage: true });

      await page.getByRole("button", { name: "Delete…" }).click();
      await page.getByRole("button", { name: "Yes, delete Checkout (EU)" }).click();
      await page.getByTestId("range").waitFor();
      expect(fake.db.project(id)?.is_pending_deletion).toBe(true);
    });
  }, 90_000);

  it("with a browser session: the secret token rotates and the old one becomes the backup", async () => {
    await inBrowser("session", async ({ fake, page, url }) => {
      await page.goto(url);
      await page.getByTestId("connection").getByText("hogkit-mock · browser session").waitFor();
      const id = await openCheckout(page, url);
      const before = fake.db.project(id)?.secret_api_token;
      const maskedBefore = await page.getByTestId("secret-token").textContent();
      await page.getByRole("button", { name: "Rotate secret token" }).click();
      await page.getByText("Rotated. The previous token keeps working").waitFor();
      const after = fake.db.project(id);
      expect(after?.secret_api_token).not.toBe(before);
      expect(after?.secret_api_token_backup).toBe(before);
      await expect.poll(() => page.getByTestId("secret-token").textContent()).not.toBe(maskedBefore);
      expect(await page.getByTestId("secret-backup").textContent()).toBe(maskedBefore);
      await page.screenshot({ path: resolve(shots, "react-admin-session.png"), fullPage: true });
    });
  }, 90_000);
});
