/**
 * The package READMEs ship to npm, where a relative link (`../../examples`) is dead and a local
 * path (`/tmp/…`) means nothing: every link must be absolute, and no README cites a file here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const packages = resolve(import.meta.dirname, "../../packages");
const readmes = readdirSync(packages).map((name) => [name, readFileSync(join(packages, name, "README.md"), "utf8")]);

describe.each(readmes)("packages/%s/README.md", (_, text) => {
  it("links only to absolute URLs or anchors in itself", () => {
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1] as string);
    expect(links.filter((link) => !/^(https?:\/\/|#|mailto:)/.test(link))).toEqual([]);
  });

  it("cites no path of this machine", () => {
    expect(text).not.toMatch(/(^|[\s`(])\/(tmp|work|home|root)\//m);
  });
});
