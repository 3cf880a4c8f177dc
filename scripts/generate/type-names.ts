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
