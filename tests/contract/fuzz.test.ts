/**
 * The seeded fuzz of fuzz.ts against the built fake, in process (`fake.handle`): 400 sequences of up
 * to 12 requests each, on a fresh fake per sequence so state carries from one request to the next.
 * The same requests also go through Stoplight Prism over HTTP in prism.test.ts.
 */
import { schemaDocument } from "@hogkit/testing";
import fc from "fast-check";
import { expect, it } from "vitest";
import { checkAnswer, checkState, fuzzFake, fuzzRequest, stateOf, toRequest } from "./fuzz.js";

const SEED = 20_261_202;

it("every operation, fuzzed: declared statuses, PostHog's bodies, no fake bugs, no hangs, consistent state", async () => {
  const fake = fuzzFake();
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(fuzzRequest, { minLength: 1, maxLength: 12 }), async (requests) => {
      fake.reset();
      const { cookie } = fake.createSession();
      for (const request of requests) {
        const before = stateOf(fake);
        const answered = fake.handle(toRequest(request, "https://us.posthog.com", cookie));
        const timeout = new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error("no answer in 5 s")), 5_000).unref?.(),
        );
        const response = await Promise.race([answered, timeout]);
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        const problems = [...(await checkAnswer(request, response)), ...checkState(fake)];
        if (response.status >= 300 && stateOf(fake) !== before) problems.push(`a ${response.status} changed the state`);
        if (problems.length) {
          throw new Error(
            `${request.method} ${request.path} (${request.auth}, ${request.body?.slice(0, 120)}) → ${response.status}:\n${problems.join("\n")}`,
          );
        }
      }
    }),
    { seed: SEED, numRuns: 400, endOnFailure: true },
  );
  // The fuzz reached both outcomes: successes and each class of refusal.
  for (const status of [200, 201, 204, 400, 401, 403, 404])
    expect(seen.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
}, 120_000);

const TIMEZONES = new Set(schemaDocument.definitions.read.TimezoneEnum?.enum ?? []);

/** Values each field refuses, whatever DRF coerces: an admin's PATCH with one of them is a 400 about it. */
const invalid: Record<string, fc.Arbitrary<unknown>> = {
  name: fc.oneof(
    fc.constantFrom("", "   "),
    fc.integer({ min: 201, max: 100_000 }).map((n) => "é".repeat(n)),
    fc.constant({}),
  ),
  timezone: fc.oneof(
    fc.constantFrom("Mars/Olympus", "utc ", "", 5),
    fc.string({ minLength: 1 }).filter((s) => !TIMEZONES.has(s)),
  ),
  week_start_day: fc.oneof(fc.integer({ min: 2 }), fc.constantFrom(-1, "Monday", true, 0.5)),
  anonymize_ips: fc.oneof(fc.constantFrom("maybe", 2, null, [], {}), fc.string({ minLength: 6 })),
  session_recording_sample_rate: fc.constantFrom("1.5", "-0.1", "0.534", "abc", true, "12.5"),
  session_recording_minimum_duration_milliseconds: fc.oneof(fc.integer({ min: 30_001 }), fc.constantFrom(-1, 0.5, "x")),
  app_urls: fc.oneof(fc.constantFrom("https://a.example.com", 5, {}), fc.constant(["https://*.*.*.*.*.*.example.com"])),
  session_recording_linked_flag: fc.constantFrom("x", 1, { id: 1 }, { id: 1.5, key: "k" }, { key: "k", extra: 1 }),
  modifiers: fc.constantFrom(
    "x",
    { unknownField: true },
    { bounceRateDurationSeconds: 0 },
    { personsOnEventsMode: "nope" },
  ),
  access_control: fc.boolean(),
};

it("invalid values are 400s naming the field, with PostHog's body, and change nothing", async () => {
  const fake = fuzzFake();
  await fc.assert(
    fc.asyncProperty(
      fc
        .constantFrom(...Object.keys(invalid))
        .chain((field) => fc.tuple(fc.constant(field), invalid[field] as fc.Arbitrary<unknown>)),
      async ([field, value]) => {
        fake.reset();
        const { cookie } = fake.createSession();
        const before = stateOf(fake);
        const response = await fake.handle(
          new Request("https://us.posthog.com/api/organizations/@current/projects/1/", {
            method: "PATCH",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ [field]: value }),
          }),
        );
        const body = await response.json();
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(Object.keys(body).sort()).toEqual(["attr", "code", "detail", "type"]);
        expect(body.type).toBe("validation_error");
        expect(body.attr?.split("__")[0]).toBe(field);
        expect(stateOf(fake)).toBe(before);
      },
    ),
    { seed: SEED, numRuns: 500 },
  );
});
