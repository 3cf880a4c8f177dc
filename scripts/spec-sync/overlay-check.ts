/**
 * After a sync: does our overlay still apply to the new spec, and can the generator still build an
 * operation table from the result? Returns every problem (not just the first), so that a maintainer
 * sees at once which corrections went stale; when there is none, the spec as `pnpm generate` will
 * read it, so that the sync can say what users get (who may call a new operation).
 */
import type { OpenAPIDocument } from "../lib/openapi.ts";
import { buildOperationTable } from "../lib/operation-table.ts";
import { applyOverlay, type OverlayDocument } from "../lib/overlay.ts";
import { loadSpec, normalizeDocument, readDocument } from "../lib/spec-model/index.ts";

export interface OverlayCheck {
  problems: string[];
  /** The spec with the overlay applied, when there are no problems. */
  effective?: OpenAPIDocument;
}

export function checkOverlay(specFile: string, overlayFile: string | null): OverlayCheck {
  try {
    // The same call `pnpm generate` makes: if this passes, generation will read the spec the same way.
    const spec = loadSpec(specFile, overlayFile);
    buildOperationTable(spec.effective);
    return { problems: [], effective: spec.effective };
  } catch (error) {
    if (!overlayFile) return { problems: [(error as Error).message] };
    const problems = staleActions(
      normalizeDocument(readDocument(specFile)),
      readDocument<OverlayDocument>(overlayFile),
    );
    return { problems: problems.length ? problems : [(error as Error).message] };
  }
}

/** Applies the actions one by one, skipping a failing one, to report all that no longer apply. */
function staleActions(document: OpenAPIDocument, overlay: OverlayDocument): string[] {
  const problems: string[] = [];
  let current = document;
  overlay.actions.forEach((action, index) => {
    try {
      current = applyOverlay(current, { ...overlay, actions: [action] });
    } catch (error) {
      const why = (error as Error).message.replace(/^actions\[0\] \(.*?\) /s, "");
      const about = action.description ? ` — ${action.description.trim().split("\n")[0]?.slice(0, 100)}` : "";
      problems.push(`overlay action ${index + 1} (${action.target}) ${why}${about}`);
    }
  });
  if (problems.length === 0) {
    try {
      buildOperationTable(current);
    } catch (error) {
      problems.push(`the generator cannot build the operation table: ${(error as Error).message}`);
    }
  }
  return problems;
}
