/**
 * The JSDoc of a generated client method or standalone function: the operation's summary and
 * description, what credentials it needs, its route, and each parameter.
 */
import type { OperationRow } from "../../lib/operation-table.ts";
import { camelIdentifier, credentialsNote, type SignatureParam } from "./client-signature.ts";

export interface DocOptions {
  /** Set for an iterator: the name of the method whose pages it walks. */
  iterates?: string;
  /** Leading spaces of each line: 2 inside an interface, 0 at the top level. */
  indent: string;
  /** Set for a standalone function: documents its first `core` parameter. */
  core?: boolean;
}

export function jsDoc(row: OperationRow, params: SignatureParam[], doc: DocOptions): string {
  const lines: string[] = [];
  if (doc.iterates) {
    lines.push(
      `Every item of \`${doc.iterates}()\`, page after page: an async iterator that follows each page's \`next\` link`,
      "(only on the client's own origin) until the last page.",
    );
  } else {
    lines.push(row.summary || row.operationId);
    if (row.description && row.description !== row.summary) lines.push("", ...row.description.split("\n"));
  }
  lines.push("", credentialsNote(row), "", `\`${row.httpMethod} ${row.path}\``);
  if (doc.core) lines.push("@param core - a core from `createCore()` or a client from `createClient()`");
  for (const param of params) {
    const what =
      param.role === "body"
        ? "the JSON request body"
        : param.role === "query"
          ? `query parameters: ${row.queryParams.map((q) => `\`${q.name}\``).join(", ")}`
          : `the \`${row.pathParams.find((p) => camelIdentifier(p.name) === param.name)?.name ?? param.name}\` path parameter`;
    lines.push(`@param ${param.name} - ${what}`);
  }
  lines.push("@param options - per-call `organizationId`, `signal`, `timeoutMs`, `maxRetries`, `headers`");
  if (row.deprecated) lines.push("@deprecated PostHog marks this operation deprecated.");
  const body = lines.map((line) => `${doc.indent} *${line ? ` ${line.replace(/\*\//g, "*\\/")}` : ""}`).join("\n");
  return `${doc.indent}/**\n${body}\n${doc.indent} */`;
}
