/**
 * The organization hooks come from the spec like the projects' (names from spec/projects.names.yaml):
 * a list, `@current`, and an update that keeps the detail cache right, against the fake over MSW.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { organizationKeys, useOrganization, useOrganizations, useUpdateOrganization } from "../src/index.js";
import { fake, requestsTo, wrapperFor } from "./setup.js";

describe("organization hooks", () => {
  it("useOrganizations lists the caller's organizations; useOrganization('@current') is the current one", async () => {
    const { Wrapper } = wrapperFor();
    const { result } = renderHook(() => [useOrganizations(), useOrganization("@current")] as const, {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current[1].isSuccess && result.current[0].isSuccess).toBe(true));
    expect(result.current[0].data?.results.map((o) => o.id)).toEqual([fake.organizationId]);
    expect(result.current[1].data?.id).toBe(fake.organizationId);
    expect(result.current[1].data?.membership_level).toBe(15);
  });

  it("useUpdateOrganization writes the answer into the organization's detail cache (no refetch)", async () => {
    const { Wrapper, queryClient } = wrapperFor();
    const id = fake.organizationId;
    const { result } = renderHook(() => ({ detail: useOrganization(id), update: useUpdateOrganization() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.detail.isSuccess).toBe(true));
    await act(() => result.current.update.mutateAsync({ id, body: { name: "Renamed" } }));
    await waitFor(() => expect(result.current.detail.data?.name).toBe("Renamed"));
    expect(queryClient.getQueryData(organizationKeys.detail(id))).toMatchObject({ name: "Renamed" });
    expect(requestsTo(`/api/organizations/${id}/`)).toHaveLength(1);
  });
});
