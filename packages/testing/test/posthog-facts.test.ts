/**
 * PostHog's own tests of the Projects and organization endpoints as the specification of the fake: every assertion of theirs
 * that can be made over HTTP is one fact here, named by its source (`file::test_name`), and every fact
 * runs over MSW and over a real HTTP server. What the fake cannot express is listed, with why, in
 * README.md ("What the fake cannot express").
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakePostHog } from "../src/index.js";
import { eeFacts } from "./posthog/ee.facts.js";
import { type Fact, transports, world, worldOptions } from "./posthog/harness.js";
import { scopedKeyFacts } from "./posthog/scoped_keys.facts.js";
import { organizationFacts } from "./posthog/test_organization.facts.js";
import { projectFacts } from "./posthog/test_project.facts.js";
import { teamFacts } from "./posthog/test_team.facts.js";

const suites: Array<[string, Fact[]]> = [
  ["posthog/api/test/test_team.py", teamFacts],
  ["posthog/api/test/test_project.py", projectFacts],
  ["ee/api/test (test_project.py, test_team.py)", eeFacts],
  ["posthog/api/test/test_organization.py", organizationFacts],
  ["posthog/api/test/test_personal_api_keys.py, posthog/test/test_permissions.py", scopedKeyFacts],
];

it("every fact cites a PostHog test, and no fact is listed twice", () => {
  const all = suites.flatMap(([, facts]) => facts.map((fact) => fact.source));
  for (const source of all) expect(source).toMatch(/^(posthog|ee)\/(api\/)?test\/test_\w+\.py::test_\w+( \(.+\))?$/);
  expect(new Set(all).size).toBe(all.length);
});

for (const transport of transports) {
  describe(`PostHog's tests, over ${transport.name}`, () => {
    let server: Awaited<ReturnType<typeof transport.start>>;
    beforeAll(async () => {
      server = await transport.start();
    });
    afterAll(() => server.close());
    for (const [file, facts] of suites) {
      describe(file, () => {
        for (const fact of facts) {
          it(fact.source, async () => {
            const clock = { now: new Date("2024-06-03T10:00:00Z") };
            const fake = createFakePostHog(worldOptions(clock, fact.options));
            server.use(fake);
            await fact.check(world(server.base, fake, clock));
          });
        }
      });
    }
  });
}
