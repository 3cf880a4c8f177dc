/** Renders a spec diff for a terminal and as the body of a changeset. */
import type { Level, SpecChange, SpecDiff } from "./diff.ts";

const LABEL: Record<Level, string> = { major: "breaking", minor: "additive", patch: "docs" };

export function summaryLine(diff: SpecDiff): string {
  if (!diff.bump) return "No API changes.";
  const count = (level: Level) => diff.changes.filter((change) => change.level === level).length;
  return (
    `API changes — release bump: ${diff.bump} (${count("major")} breaking, ${count("minor")} additive, ` +
    `${count("patch")} docs-only)`
  );
}

/** Changes grouped by operation or schema, in the order found; `markdown` for a changeset body. */
export function formatReport(diff: SpecDiff, options: { markdown?: boolean } = {}): string {
  const lines = [summaryLine(diff)];
  const groups = new Map<string, SpecChange[]>();
  for (const change of diff.changes) {
    const list = groups.get(change.group) ?? [];
    list.push(change);
    groups.set(change.group, list);
  }
  for (const [group, changes] of groups) {
    lines.push("");
    lines.push(options.markdown ? `**${escapeMarkdown(group)}**` : group);
    for (const change of changes) {
      const where = change.location ? `${change.location}: ` : "";
      const sides = change.sides?.length ? ` [${change.sides.join(" + ")}]` : "";
      const text = `${change.level} (${LABEL[change.level]}) — ${where}${change.message}${sides}`;
      lines.push(options.markdown ? `- ${escapeMarkdown(text)}` : `  ${text}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*[\]<>|])/g, "\\$1");
}
