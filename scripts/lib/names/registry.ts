/**
 * Hands out names so that they never move. Recorded names are taken first, exactly as recorded.
 * Then each new artifact gets its first candidate (rules.ts) that is free; when several new
 * artifacts want the same name in one run, none of them gets it and each moves on to its next
 * candidate, so the order of operations in a file never decides who keeps a name. An artifact with
 * no candidate left is numbered (`…2`, `…3`, in owner order), which only PostHog's whole schema needs.
 *
 * A candidate may occupy several names at once (a query hook brings its `useSuspense…` and
 * `…QueryOptions` twins): it is free only when all of them are.
 */

export interface Claim {
  /** Who wants the name, e.g. `GET /api/…/ query`; also the numbering order. */
  owner: string;
  /** Candidates in order of preference, each the names it occupies. */
  candidates: string[][];
  /** The last resort: the names of candidate n (2, 3, …). Default: the last candidate with n appended. */
  numbered?: (n: number) => string[];
  /** The recorded names, when there are: they win whatever the candidates say. */
  recorded?: string[] | undefined;
}

/** Assigns names to every claim within one namespace; returns owner → names. */
export function assign(claims: Claim[], reserved: Iterable<string> = []): Map<string, string[]> {
  const taken = new Set(reserved);
  const result = new Map<string, string[]>();
  const take = (owner: string, names: string[]) => {
    for (const name of names) taken.add(name);
    result.set(owner, names);
  };
  for (const claim of claims) {
    if (!claim.recorded) continue;
    const twice = claim.recorded.find((name) => taken.has(name));
    if (twice)
      throw new Error(
        `names file: ${twice} is recorded twice (again for ${claim.owner}); give one of them another name`,
      );
    take(claim.owner, claim.recorded);
  }
  type Pending = { claim: Claim; index: number };
  const pending: Pending[] = claims
    .filter((claim) => !claim.recorded)
    .map((claim) => ({ claim, index: 0 }))
    .sort((a, b) => a.claim.owner.localeCompare(b.claim.owner));
  const current = (entry: Pending) => entry.claim.candidates[entry.index] ?? [];
  while (pending.length) {
    const wanted = new Map<string, Pending[]>();
    for (const entry of pending)
      for (const name of current(entry)) wanted.set(name, [...(wanted.get(name) ?? []), entry]);
    const blocked = new Set<Pending>();
    for (const [name, entries] of wanted)
      if (taken.has(name) || entries.length > 1) for (const e of entries) blocked.add(e);
    let progressed = false;
    for (const entry of [...pending]) {
      if (!blocked.has(entry)) {
        take(entry.claim.owner, current(entry));
        pending.splice(pending.indexOf(entry), 1);
        progressed = true;
      } else if (entry.index < entry.claim.candidates.length - 1) {
        entry.index++;
        progressed = true;
      }
    }
    if (progressed) continue;
    // Every remaining claim is on its last candidate and still clashes: number them in owner order.
    for (const entry of [...pending]) {
      const numbered = entry.claim.numbered ?? ((n: number) => current(entry).map((name) => `${name}${n}`));
      let n = 2;
      while (numbered(n).some((name) => taken.has(name))) n++;
      take(entry.claim.owner, numbered(n));
      pending.splice(pending.indexOf(entry), 1);
    }
  }
  return result;
}
