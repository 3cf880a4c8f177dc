/**
 * The @hogkit/types part of `scripts/generate` — loadSpec (+ overlay), the operation table, and the
 * types and operation-table emitters — written to `--out`. It is the same code `pnpm generate` runs,
 * minus the client/React/testing emitters, so that the benchmark compares like with like: the bare
 * openapi-typescript CLI produces types only.
 *
 * node --import tsx bench/codegen/generate-types.ts --spec FILE --out DIR
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { EmitContext } from "../../scripts/generate/context.ts";
import { emitOperationTable } from "../../scripts/generate/emit/operation-table.ts";
import { emitTypes } from "../../scripts/generate/emit/types.ts";
import { loadSpec } from "../../scripts/lib/load-spec.ts";
import { buildOperationTable } from "../../scripts/lib/operation-table.ts";

const { values } = parseArgs({ options: { spec: { type: "string" }, out: { type: "string" } } });
if (!values.spec || !values.out) throw new Error("usage: generate-types.ts --spec FILE --out DIR");
const spec = loadSpec(resolve(values.spec));
const context: EmitContext = {
  spec,
  document: spec.effective,
  operations: buildOperationTable(spec.effective),
  specLabel: values.spec.replace(/^.*\//, ""),
};
for (const emit of [emitTypes, emitOperationTable]) {
  for (const file of await emit(context)) {
    const target = join(resolve(values.out), file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}
