import { projectsInfiniteQueryOptions } from "@hogkit/react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { ProjectList } from "@/components/project-list";
import { PAGE_SIZE } from "@/lib/paging";
import { backend } from "@/lib/posthog-server";

// Per request, never at build time: the list is PostHog's current state.
export const dynamic = "force-dynamic";

/** A Server Component: the first page is fetched here and arrives in the HTML and the hydrated cache. */
export default async function Home() {
  const { client } = await backend();
  const queryClient = new QueryClient();
  await queryClient.prefetchInfiniteQuery(projectsInfiniteQueryOptions(client, { limit: PAGE_SIZE }));
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectList />
    </HydrationBoundary>
  );
}
