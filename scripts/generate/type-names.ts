/**
 * The types generated signatures name: the friendly type of the operation's schema (`Project`,
 * `ProjectsPage`, `ProjectUpdate`, `ProjectCreate`) wherever there is one, so that hovers and `.d.ts`
 * read like the API, and the `Operation…<"operationId">` helpers of @hogkit/types only where the
 * spec gives no named schema.
 */
import type { OperationRow } from "../lib/operation-table.ts";
import { type EmitContext, namesOf } from "./context.ts";

export class TypeNames {
  /** Friendly names used so far: what the module must import from @hogkit/types. */
  readonly used = new Set<string>();
  private readonly context: EmitContext;

  constructor(context: EmitContext) {
    this.context = context;
  }

  /** What a successful call returns. */
  result(row: OperationRow): string {
    const friendly = row.responseSchema ? this.context.names.schemas[row.responseSchema]?.type : undefined;
    return friendly ? this.use(friendly) : `OperationResult<${JSON.stringify(row.operationId)}>`;
  }

  /** The request body (read-only fields left out). */
  body(row: OperationRow): string {
    const own = namesOf(this.context, row).body;
    if (own) return this.use(own);
    const friendly = row.body?.schema ? this.context.names.schemas[row.body.schema]?.type : undefined;
    return friendly ? this.use(friendly) : `OperationBody<${JSON.stringify(row.operationId)}>`;
  }

  /** What an iterator over a paginated operation yields: the friendly type of the page's items. */
  item(row: OperationRow): string {
    const schema = row.pagination?.itemSchema;
    const friendly = schema ? this.context.names.schemas[schema]?.type : undefined;
    return friendly ? this.use(friendly) : `PageItem<${this.result(row)}>`;
  }

  /** A path parameter: `number` or `string` for plain ones, the spec's own type for anything else (an enum). */
  path(row: OperationRow, name: string): string {
    const type = row.pathParams.find((p) => p.name === name)?.type;
    if (type === "integer" || type === "number") return "number";
    if (type === "string") return "string";
    return `OperationPathParams<${JSON.stringify(row.operationId)}>[${JSON.stringify(name)}]`;
  }

  /** `import type { … } from "@hogkit/types";` for the friendly names and `Operation…` helpers used in `code`. */
  importLine(code: string, helpers: readonly string[]): string {
    const needed = helpers.filter((helper) => code.includes(`${helper}<`));
    const names = [...new Set([...needed, ...this.used])].sort();
    return names.length ? `import type { ${names.join(", ")} } from "@hogkit/types";` : "";
  }

  private use(name: string): string {
    this.used.add(name);
    return name;
  }
}

export const OPERATION_HELPERS = ["OperationBody", "OperationPathParams", "OperationQuery", "OperationResult"] as const;
