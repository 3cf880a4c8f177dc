/**
 * The seeded fuzz of fuzz.ts against the built fake, in process (`fake.handle`): 400 sequences of up
 * to 12 requests each, on a fresh fake per sequence so state carries from one request to the next.
 * The same requests also go through Stoplight Prism over HTTP in prism.test.ts.
 */
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
