/** The operation table as data, for the client, React and testing runtimes and their generators. */
import { type Emitter, header, literal } from "../context.ts";

export const emitOperationTable: Emitter = (context) => {
  const ids = context.operations.map((row) => JSON.stringify(row.operationId));
  const contents = `${header(context)}import type { OperationInfo } from "../operation-info.js";

/** Every operation of the spec, sorted by operationId. */
export const operationTable = ${literal(context.operations)} as const satisfies readonly OperationInfo[];

export type OperationId = ${ids.length ? ids.join(" | ") : "never"};
`;
  return [{ path: "packages/types/src/generated/operations.ts", contents }];
};
