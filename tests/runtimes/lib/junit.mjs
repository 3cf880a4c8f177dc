/**
 * Reads the JUnit XML that `node --test`, `deno test` and `bun test` all write, into
 * `Map<test name, { passed, message }>`: each runtime's own runner decides pass or fail.
 */
const entities = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&" };
const decode = (text) => text.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity]);

export function parseJunit(xml) {
  const cases = new Map();
  for (const match of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const name = /\bname="([^"]*)"/.exec(match[1])?.[1];
    if (name === undefined) continue;
    const body = match[3] ?? "";
    const failure = /<(failure|error)\b([^>]*)>?/.exec(body) ?? (/\bfailure="/.test(match[1]) ? [""] : null);
    const skipped = /<skipped\b/.test(body);
    const message = failure ? decode(/message="([^"]*)"/.exec(failure[2] ?? match[1])?.[1] ?? "failed") : "";
    cases.set(decode(name), { passed: !failure && !skipped, message: skipped ? "skipped" : message });
  }
  return cases;
}
