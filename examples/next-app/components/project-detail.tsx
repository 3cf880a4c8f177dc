"use client";

import { useDeleteProject, useProject, useUpdateProject } from "@hogkit/react";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";

/** One project: rename (shown at once, rolled back if PostHog refuses) and delete. */
export function ProjectDetail({ id }: { id: number }) {
  const router = useRouter();
  const { data: project, error } = useProject(id);
  const rename = useUpdateProject({ optimistic: true });
  const remove = useDeleteProject();
  const [name, setName] = useState("");
  if (error) return <p role="alert">{error.message}</p>;
  if (!project) return <p>Loading…</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id, body: { name } });
  };
  return (
    <section>
      <h2 data-testid="project-name">{project.name}</h2>
      <p>
        Time zone {project.timezone} · created {project.created_at?.slice(0, 10)}
      </p>
      <form aria-label="Rename" onSubmit={submit}>
        <input
          name="name"
          aria-label="New name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
        />
        <button type="submit" disabled={rename.isPending}>
          Rename
        </button>
        {rename.isPending ? <span data-testid="rename-state">Saving…</span> : null}
        {rename.isSuccess ? <span data-testid="rename-state">Saved</span> : null}
        {rename.error ? <p role="alert">{rename.error.message}</p> : null}
      </form>
      <button
        type="button"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ id }, { onSuccess: () => router.push("/") })}
      >
        Delete {project.name}
      </button>
      {remove.error ? <p role="alert">{remove.error.message}</p> : null}
    </section>
  );
}
