/**
 * The names each package's hand-written code gives its users, which no generated name of that
 * package may take: a local export silently shadows an `export *` of generated code of the same name.
 *
 * The source of truth is what the package already declares: its entries (package.json `exports`)
 * and the export statements of their sources, read with TypeScript's parser (no regex, so `export
 * type { a as b }`, `export *` chains and multi-line lists all count as the compiler counts them).
 * Re-exports of generated code (`./generated/…`) and of another @hogkit package are generated names,
 * not hand-written ones, and are left out.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import ts from "typescript";
import type { ReservedNames } from "../lib/names/index.ts";

/** Hand-written public names, by package directory (`client`, `react`, …), sorted. */
export function handWrittenExports(packagesDir: string): ReservedNames {
  const byPackage: Record<string, string[]> = {};
  for (const pkg of readdirSync(packagesDir).sort()) {
    const manifest = join(packagesDir, pkg, "package.json");
    if (!existsSync(manifest)) continue;
    const names = new Set<string>();
    const seen = new Set<string>();
    const label = `${basename(packagesDir)}/${pkg}/package.json`;
    for (const entry of entrySources(join(packagesDir, pkg), manifest, label)) collect(entry, names, seen);
    byPackage[pkg] = [...names].sort();
  }
  return byPackage;
}

/**
 * The source file of every entry in package.json `exports` (`./dist/proxy.js` or its `.d.ts` → src/proxy.ts or
 * src/proxy/index.ts, the layout every package's tsup config follows).
 */
function entrySources(packageDir: string, manifest: string, label: string): string[] {
  const { exports = {} } = JSON.parse(readFileSync(manifest, "utf8")) as { exports?: Record<string, unknown> };
  const sources: string[] = [];
  for (const [subpath, target] of Object.entries(exports)) {
    if (subpath === "./package.json") continue;
    const built = firstPath(target);
    const entry = built?.match(/^\.\/dist\/(.+?)\.(?:d\.)?[cm]?[jt]s$/)?.[1];
    const candidates = entry ? [`src/${entry}.ts`, `src/${entry}.tsx`, `src/${entry}/index.ts`] : [];
    const source = candidates.map((file) => join(packageDir, file)).find(existsSync);
    if (!source) {
      throw new Error(
        `${label}: cannot find the source of export "${subpath}" (${built ?? "no path"}); ` +
          `expected ${candidates.join(" or ") || "a ./dist/<entry>.js target"}`,
      );
    }
    sources.push(source);
  }
  return sources;
}

/** The first file path of an `exports` target (conditions are objects, in order). */
function firstPath(target: unknown): string | undefined {
  if (typeof target === "string") return target;
  if (!target || typeof target !== "object") return undefined;
  for (const value of Object.values(target)) {
    const path = firstPath(value);
    if (path) return path;
  }
  return undefined;
}

/** Adds the hand-written names `file` exports to `names`, following its relative `export *`. */
function collect(file: string, names: Set<string>, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const from =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      if (from !== undefined && isGenerated(from)) continue;
      const clause = statement.exportClause;
      if (!clause) {
        // `export * from "./x.js"`: everything x exports, by x's own statements.
        if (from === undefined || !from.startsWith(".")) {
          throw new Error(`${file}: cannot list the names of \`export * from "${from}"\`; name them instead`);
        }
        collect(resolveModule(file, from), names, seen);
      } else if (ts.isNamespaceExport(clause)) {
        names.add(clause.name.text);
      } else {
        for (const element of clause.elements) names.add(element.name.text);
      }
    } else if (isExported(statement)) {
      for (const name of declaredNames(statement)) names.add(name);
    }
  }
}

/** Generated code and the other @hogkit packages: their names are generated, not hand-written here. */
function isGenerated(specifier: string): boolean {
  return specifier.startsWith("@hogkit/") || /(^|\/)generated\//.test(specifier);
}

/** `export …` but not `export default …`, whose name users never import. */
function isExported(statement: ts.Statement): boolean {
  const kinds = (ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : []).map((m) => m.kind);
  return kinds.includes(ts.SyntaxKind.ExportKeyword) && !kinds.includes(ts.SyntaxKind.DefaultKeyword);
}

/** The names a top-level `export function|class|interface|type|enum|const …` declares. */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  }
  const name = (statement as ts.DeclarationStatement).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** `./client.js` from src/index.ts → src/client.ts (or .tsx, or client/index.ts). */
function resolveModule(from: string, specifier: string): string {
  const base = join(dirname(from), specifier.replace(/\.(?:c|m)?js$/, ""));
  const found = [`${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find(existsSync);
  if (!found) throw new Error(`${from}: cannot find the module "${specifier}"`);
  return found;
}
