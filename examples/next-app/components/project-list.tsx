"use client";

import { useHogkitClient, useProjectsInfinite } from "@hogkit/react";
import Link from "next/link";
import { useState } from "react";
import { PAGE_SIZE } from "@/lib/paging";

/** The list, one page from the server's prefetch, more through the proxy with "Load more". */
export function ProjectList() {
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage } = useProjectsInfinite({ limit: PAGE_SIZE });
  if (error) return <p role="alert">{error.message}</p>;
  const projects = data?.pages.flatMap((page) => page.results) ?? [];
  return (
    <section>
      <p data-testid="range">
        {projects.length} of {data?.pages[0]?.count ?? 0}
      </p>
      <ul data-testid="projects">
        {projects.map((project) => (
          <li key={project.id}>
            <Link href={`/projects/${project.id}`}>{project.name}</Link>
          </li>
        ))}
      </ul>
      {hasNextPage ? (
        <button type="button" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
          {isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      ) : null}
      <AllNames />
    </section>
  );
}

/** Every name, from `iterate()` in the browser: it follows the `next` links, which the proxy points at itself. */
function AllNames() {
  const client = useHogkitClient();
  const [names, setNames] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const collect = async () => {
    try {
      const all: string[] = [];
      for await (const project of client.projects.iterate({ limit: PAGE_SIZE })) all.push(project.name ?? "");
      setNames(all);
    } catch (error) {
      setFailure((error as Error).message);
    }
  };
  return (
    <div>
      <button type="button" onClick={() => void collect()}>
        Every name
      </button>
      {names ? <p data-testid="all-names">{names.join(" · ")}</p> : null}
      {failure ? <p role="alert">{failure}</p> : null}
    </div>
  );
}
