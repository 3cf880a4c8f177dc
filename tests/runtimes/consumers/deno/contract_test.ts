// Deno users' test: Deno.test over the shared contract; deno.json maps @hogkit/* to npm: specifiers.
import { contractScenarios, type MockProcess } from "./contract.ts";

/** `deno run npm:<package>/<bin>`, how a Deno user starts a package's CLI, with Deno.Command. */
function startMock(args: string[]): MockProcess {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "--allow-net=127.0.0.1", "--allow-read", "npm:@hogkit/testing/hogkit-mock", ...args],
    stdout: "piped",
    stderr: "inherit",
    clearEnv: true,
  }).spawn();
  return {
    output: child.stdout.pipeThrough(new TextDecoderStream()),
    stop: async () => {
      child.kill("SIGTERM");
      return (await child.status).code;
    },
  };
}

for (const scenario of contractScenarios({ startMock })) Deno.test({ name: scenario.name, fn: scenario.run });
