import { useDeleteProject, useProject } from "@hogkit/react";
import { useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";
import { ProductIntentForm } from "./ProductIntentForm.js";
import { ProjectSettingsForm } from "./ProjectSettingsForm.js";
import { SecretTokenPanel } from "./SecretTokenPanel.js";

interface Props {
  id: number;
  onBack: () => void;
  onDeleted: () => void;
}

export function ProjectDetail({ id, onBack, onDeleted }: Props) {
  const { data: project, error, isPending } = useProject(id);
  const remove = useDeleteProject({ onSuccess: onDeleted });
  const [confirming, setConfirming] = useState(false);

  if (isPending) return <p aria-busy="true">Loading project {id}…</p>;
  if (error) {
    return (
      <section>
        <ErrorMessage error={error} action={`load project ${id}`} />
        <button type="button" onClick={onBack}>
          Back to projects
        </button>
      </section>
    );
  }
  return (
    <section>
      <button type="button" className="link" onClick={onBack}>
        ← All projects
      </button>
      <h2 data-testid="project-name">{project.name}</h2>
      {project.is_pending_deletion ? <p className="warning">This project is being deleted.</p> : null}
      <dl>
        <dt>ID</dt>
        <dd>{project.id}</dd>
        <dt>Project API key</dt>
        <dd>
          <code>{project.api_token}</code>
        </dd>
        <dt>Product intents</dt>
        <dd data-testid="intents">
          {project.product_intents?.length
            ? project.product_intents.map((intent) => intent.product_type).join(", ")
            : "none"}
        </dd>
      </dl>
      <ProjectSettingsForm project={project} />
      <ProductIntentForm projectId={project.id} />
      <SecretTokenPanel project={project} />
      <section className="danger">
        <h3>Delete project</h3>
        {remove.error ? <ErrorMessage error={remove.error} action="delete the project" /> : null}
        {confirming ? (
          <>
            <p>PostHog deletes all of this project's data. This cannot be undone.</p>
            <button
              type="button"
              className="destructive"
              disabled={remove.isPending}
              onClick={() => remove.mutate({ id })}
            >
              {remove.isPending ? "Deleting…" : `Yes, delete ${project.name}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" className="destructive" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </section>
    </section>
  );
}
