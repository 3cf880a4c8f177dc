/** Every fact in facts.ts, through @hogkit/client, over MSW and over a real HTTP server. */
import { afterAll, afterEach, beforeAll, describe, it } from "vitest";
import { facts } from "./facts.js";
import { type Harness, overHttp, overMsw } from "./harness.js";

describe.each([
  ["over MSW", overMsw],
  ["over HTTP on loopback", overHttp],
])("PostHog's server, as the fake models it, %s", (_, start) => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterEach(() => h.fake.reset());
  afterAll(() => h.close());

  for (const fact of facts) {
    it(`${fact.name} — ${fact.source}`, () => fact.check(h));
  }
});
