#!/usr/bin/env node
// Part of `pnpm run bootstrap`: the example app's end-to-end test drives Debian's Chromium with
// playwright-core (never a downloaded browser). Installs it when missing and we may (root + apt).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const found = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p) => p && existsSync(p),
);
if (found) {
  console.log(`chromium: ${found}`);
} else if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("chromium: installing Debian's chromium package for the browser tests…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null", {
    stdio: "inherit",
    shell: "/bin/bash",
  });
} else {
  console.warn(
    "chromium: not found. The React example's browser test needs it: `sudo apt-get install chromium`, or set CHROMIUM_PATH.",
  );
}
