/** The matrix as a Markdown table: rows are type checks and scenarios, columns are runtimes. */
export function renderTable(rows, columns, cells) {
  const byKey = new Map(cells.map((cell) => [`${cell.row}\u0000${cell.column}`, cell]));
  const mark = (row, column) => {
    const cell = byKey.get(`${row}\u0000${column}`);
    if (!cell) return "–";
    if (cell.passed) return "pass";
    return cell.known ? "known" : "FAIL";
  };
  const header = ["", ...columns];
  const body = rows.map((row) => [row, ...columns.map((column) => mark(row, column))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((line) => line[i].length)));
  const line = (cols) => `| ${cols.map((text, i) => text.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
