import type { Project } from "@hogkit/types";
import { QueryClient } from "@tanstack/react-query";
import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  projectKeys,
  projectQueryOptions,
  useCreateProject,
  useDeleteProject,
  useProject,
  useProjects,
  useProjectsInfinite,
  useRotateSecretToken,
  useUpdateProject,
} from "../src/index.js";
import { fake, makeClient, requestsTo, wrapperFor } from "./setup.js";

const ORG = "@current";

function ProjectName({ id }: { id: number }) {
  const { data } = useProject(id);
  return <li>{data?.name ?? "…"}</li>;
}

function ProjectError({ id }: { id: number }) {
  const { error } = useProject(id);
  return <p>{error ? `${error.name} ${error.status}: ${error.message}` : "loading"}</p>;
}
const listPath = `/api/organizations/${ORG}/projects/`;
const detailPath = (id: number) => `/api/organizations/${ORG}/projects/${id}/`;

describe("queries", () => {
  it("100 mounted components calling useProject(1) make exactly one request", async () => {
    const { Wrapper } = wrapperFor();
    render(
      <Wrapper>
        <ul>
          {Array.from({ length: 100 }, (_, i) => `reader-${i}`).map((key) => (
            <ProjectName key={key} id={1} />
          ))}
        </ul>
      </Wrapper>,
    );
    await waitFor(() => expect(screen.getAllByText("Project 01")).toHaveLength(100));
    expect(requestsTo(detailPath(1))).toHaveLength(1);
  });

  it("useProjects pages with limit/offset and shares the cache entry for equal params", async () => {
    const { Wrapper } = wrapperFor();
    const { result } = renderHook(
      () => [useProjects({ limit: 10, offset: 20 }), useProjects({ offset: 20, limit: 10 })],
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() => expect(result.current[0]?.isSuccess).toBe(true));
    expect(result.current[0]?.data?.count).toBe(25);
    expect(result.current[0]?.data?.results.map((p) => p.name)).toEqual(
      ["21", "22", "23", "24", "25"].map((n) => `Project ${n}`),
    );
    expect(result.current[1]?.data).toBe(result.current[0]?.data);
    expect(requestsTo(listPath)).toHaveLength(1);
  });

  it("useProjectsInfinite follows the offset in `next` until the last page", async () => {
    const { Wrapper } = wrapperFor();
    // renderHook reads the result outside render, where TanStack's tracked props would miss `data`.
    const { result } = renderHook(() => useProjectsInfinite({ limit: 10 }, { notifyOnChangeProps: "all" }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    await act(() => result.current.fetchNextPage());
    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(3));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.data?.pages.flatMap((page) => page.results)).toHaveLength(25);
  });

  it("a 404 renders as the client's typed error", async () => {
    const { Wrapper } = wrapperFor();
    render(
      <Wrapper>
        <ProjectError id={999} />
      </Wrapper>,
    );
    await screen.findByText(/^NotFoundError 404: /);
    expect(requestsTo(detailPath(999))).toHaveLength(1);
  });

  it("a 429 is retried by the client, not doubled by React Query", async () => {
    fake.faults.rateLimit({ after: 0 });
    const { Wrapper } = wrapperFor();
    const { result } = renderHook(() => useProject(1), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(result.current.error?.status).toBe(429);
    // 1 attempt + the client's 2 retries; React Query's own 3 retries would have made it 12.
    expect(requestsTo(detailPath(1))).toHaveLength(3);
  });

  it("queryOptions work outside React, for prefetching in loaders and on the server", async () => {
    const queryClient = new QueryClient();
    const project = await queryClient.fetchQuery(projectQueryOptions(makeClient(), 2));
    expect(project.name).toBe("Project 02");
    expect(queryClient.getQueryData(projectKeys.detail(2))).toEqual(project);
  });
});

describe("mutations keep the cache right", () => {
  async function primed() {
    const queryClient = new QueryClient();
    const client = makeClient();
    await queryClient.fetchQuery({
      queryKey: projectKeys.list({ limit: 10 }),
      queryFn: () => client.projects.list({ limit: 10 }),
    });
    await queryClient.fetchQuery(projectQueryOptions(client, 1));
    return wrapperFor(queryClient);
  }
  const listIsStale = (queryClient: QueryClient) =>
    queryClient.getQueryCache().find({ queryKey: projectKeys.list({ limit: 10 }) })?.state.isInvalidated;

  it("an update writes the returned project into its detail entry and invalidates lists", async () => {
    const { queryClient, Wrapper } = await primed();
    const { result } = renderHook(() => useUpdateProject(), { wrapper: Wrapper });
    const returned = await act(() =>
      result.current.mutateAsync({ id: 1, body: { name: "Renamed", timezone: "Europe/Berlin" } }),
    );
    const cached = queryClient.getQueryData<Project>(projectKeys.detail(1));
    expect(cached).toMatchObject({ id: 1, name: "Renamed", timezone: "Europe/Berlin" });
    expect(cached).toEqual(returned);
    // The hook's state follows on TanStack's batched notification, which may land after act returns.
    await waitFor(() => expect(result.current.data).toEqual(returned));
    expect(listIsStale(queryClient)).toBe(true);
    expect(fake.db.project(1)?.name).toBe("Renamed");
  });

  it("a delete removes the detail entry and invalidates lists", async () => {
    const { queryClient, Wrapper } = await primed();
    const { result } = renderHook(() => useDeleteProject(), { wrapper: Wrapper });
    await act(() => result.current.mutateAsync({ id: 1 }));
    expect(queryClient.getQueryCache().find({ queryKey: projectKeys.detail(1) })).toBeUndefined();
    expect(listIsStale(queryClient)).toBe(true);
  });

  it("a create invalidates lists", async () => {
    const { queryClient, Wrapper } = await primed();
    const { result } = renderHook(() => useCreateProject(), { wrapper: Wrapper });
    const created = await act(() => result.current.mutateAsync({ body: { name: "Brand new" } }));
    expect(created.name).toBe("Brand new");
    await waitFor(() => expect(result.current.data).toEqual(created));
    expect(listIsStale(queryClient)).toBe(true);
  });

  it("an optimistic update shows at once and rolls back when PostHog refuses it", async () => {
    const { queryClient, Wrapper } = await primed();
    const before = queryClient.getQueryData<Project>(projectKeys.detail(1));
    // Slow enough to observe the optimistic value before PostHog's refusal arrives.
    fake.faults.latency(300, { operationId: "projects_partial_update" }).serverError({ times: 1 });
    const { result } = renderHook(() => useUpdateProject({ optimistic: true }), { wrapper: Wrapper });
    act(() => result.current.mutate({ id: 1, body: { name: "Optimistic" } }));
    await waitFor(() => expect(queryClient.getQueryData<Project>(projectKeys.detail(1))?.name).toBe("Optimistic"));
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(queryClient.getQueryData(projectKeys.detail(1))).toEqual(before);
  });

  it("a session-only action refused for a personal API key surfaces as PermissionDeniedError", async () => {
    const { Wrapper } = wrapperFor();
    const { result } = renderHook(() => useRotateSecretToken(), { wrapper: Wrapper });
    await act(() => result.current.mutateAsync({ id: 1 }).catch(() => undefined));
    expect(result.current.error?.name).toBe("PermissionDeniedError");
    expect(result.current.error?.message).toMatch(/personal API key/i);
  });
});
