import { useProjects } from "@hogkit/react";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

const PAGE_SIZE = 10;

export function ProjectList({ onOpen }: { onOpen: (id: number) => void }) {
  const [offset, setOffset] = useState(0);
  const { data, error, isPending, isFetching } = useProjects({ limit: PAGE_SIZE, offset });

  if (isPending) return <p aria-busy="true">Loading projects…</p>;
  if (error) return <ErrorMessage error={error} action="load projects" />;
  if (data.count === 0) return <p className="empty">No projects in this organization yet.</p>;

  const last = Math.min(offset + data.results.length, data.count);
  return (
    <section>
      <h2>Projects</h2>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Time zone</th>
            <th>ID</th>
          </tr>
        </thead>
        <tbody>
          {data.results.map((project) => (
            <tr key={project.id}>
              <td>
                <a href={`#/projects/${project.id}`} onClick={() => onOpen(project.id)}>
                  {project.name}
                </a>
              </td>
              <td>{project.timezone}</td>
              <td>{project.id}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager">
        <button type="button" disabled={!data.previous} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
          Previous
        </button>
        <span data-testid="range">
          {offset + 1}–{last} of {data.count}
          {isFetching ? " …" : ""}
        </span>
        <button type="button" disabled={!data.next} onClick={() => setOffset(offset + PAGE_SIZE)}>
          Next
        </button>
      </nav>
    </section>
  );
}
