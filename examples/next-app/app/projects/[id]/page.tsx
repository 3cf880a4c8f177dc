import { isPostHogApiError } from "@hogkit/client";
import { projectQueryOptions } from "@hogkit/react";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { notFound } from "next/navigation";
import { ProjectDetail } from "@/components/project-detail";
import { backend } from "@/lib/posthog-server";

export const dynamic = "force-dynamic";

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const { client } = await backend();
  const queryClient = new QueryClient();
  try {
    await queryClient.fetchQuery(projectQueryOptions(client, id));
  } catch (error) {
    if (isPostHogApiError(error) && error.status === 404) notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <ProjectDetail id={id} />
    </HydrationBoundary>
  );
}
