/**
 * What a generated module imports, recorded as it is written: whoever writes a name another module
 * exports writes `imports.use(from, name)`, and the import line lists exactly those names. Nothing
 * is found by searching the emitted text, where a summary mentioning `PageItem<T>` would count too.
 */
export class ModuleImports {
  private readonly byModule = new Map<string, Set<string>>();

  /** Records that the module refers to `name`, exported by `from`; returns the name to write. */
  use(from: string, name: string): string {
    const names = this.byModule.get(from) ?? new Set<string>();
    names.add(name);
    this.byModule.set(from, names);
    return name;
  }

  /** The names used from `from`, sorted (code-unit order, as the import lines have always been). */
  names(from: string): string[] {
    return [...(this.byModule.get(from) ?? [])].sort();
  }

  /** `import type { A, B } from "from";` over the names used and `always`, or "" when there are none. */
  typeLine(from: string, always: readonly string[] = []): string {
    const names = [...new Set([...this.names(from), ...always])].sort();
    return names.length ? `import type { ${names.join(", ")} } from "${from}";` : "";
  }
}
