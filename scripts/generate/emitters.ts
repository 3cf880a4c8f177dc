/** Every artifact `pnpm generate` writes, one emitter each. */
import type { Emitter } from "./context.ts";
import { emitClient } from "./emit/client.ts";
import { emitClientFuncs } from "./emit/client-funcs.ts";
import { emitClientReadme } from "./emit/client-readme.ts";
import { emitOperationTable } from "./emit/operation-table.ts";
import { emitReact } from "./emit/react.ts";
import { emitTesting } from "./emit/testing.ts";
import { emitTypes } from "./emit/types.ts";

export const emitters: Emitter[] = [
  emitTypes,
  emitOperationTable,
  emitClientFuncs,
  emitClient,
  emitClientReadme,
  emitReact,
  emitTesting,
];
