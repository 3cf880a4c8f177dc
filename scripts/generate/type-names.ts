/**
 * The types generated signatures name: the friendly type of the operation's schema (`Project`,
 * `ProjectsPage`, `ProjectUpdate`, `ProjectCreate`) wherever there is one, so that hovers and `.d.ts`
 * read like the API, and the `Operation…<"operationId">` helpers of @hogkit/types only where the
 * spec gives no named schema. Every type named is recorded in the module's imports as it is named.
 */
import type { OperationRow } from "../lib/operation-table.ts";
import { type EmitContext, namesOf } from "./context.ts";
import { ModuleImports } from "./imports.ts";

const TYPES_PACKAGE = "@hogkit/types";
/** The client runtime's module, seen from packages/client/src/generated/ (only the client iterates). */
export const CLIENT_OPERATION_MODULE = "../operation.js";

export class TypeNames {
  /** What the module being written imports: the types named so far, and whatever else it records. */
  readonly imports = new ModuleImports();
  private readonly context: EmitContext;

  constructor(context: EmitContext) {
    this.context = context;
  }

  /** What a successful call returns. */
  result(row: OperationRow): string {
    const friendly = row.responseSchema ? this.context.names.schemas[row.responseSchema]?.type : undefined;
    return friendly ? this.type(friendly) : `${this.type("OperationResult")}<${JSON.stringify(row.operationId)}>`;
  }

  /** The request body (read-only fields left out). */
  body(row: OperationRow): string {
    const own = namesOf(this.context, row).body;
    if (own) return this.type(own);
    const friendly = row.body?.schema ? this.context.names.schemas[row.body.schema]?.type : undefined;
    return friendly ? this.type(friendly) : `${this.type("OperationBody")}<${JSON.stringify(row.operationId)}>`;
  }

  /** The query parameters object. */
  query(row: OperationRow): string {
    return `${this.type("OperationQuery")}<${JSON.stringify(row.operationId)}>`;
  }

  /** What an iterator over a paginated operation yields: the friendly type of the page's items. */
  item(row: OperationRow): string {
    const schema = row.pagination?.itemSchema;
    const friendly = schema ? this.context.names.schemas[schema]?.type : undefined;
    return friendly
      ? this.type(friendly)
      : `${this.imports.use(CLIENT_OPERATION_MODULE, "PageItem")}<${this.result(row)}>`;
  }

  /** A path parameter: `number` or `string` for plain ones, the spec's own type for anything else (an enum). */
  path(row: OperationRow, name: string): string {
    const type = row.pathParams.find((p) => p.name === name)?.type;
    if (type === "integer" || type === "number") return "number";
    if (type === "string") return "string";
    return `${this.type("OperationPathParams")}<${JSON.stringify(row.operationId)}>[${JSON.stringify(name)}]`;
  }

  /** `import type { … } from "@hogkit/types";` for the types named so far, or "" when none was. */
  importLine(): string {
    return this.imports.typeLine(TYPES_PACKAGE);
  }

  private type(name: string): string {
    return this.imports.use(TYPES_PACKAGE, name);
  }
}
