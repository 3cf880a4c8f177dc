import { useUpdateProject } from "@hogkit/react";
import type { Project, Timezone } from "@hogkit/types";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "./ErrorMessage.js";

// The browser's own list of IANA zones; PostHog accepts these names (and a few legacy aliases).
const ZONES: string[] = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : ["UTC"];

export function ProjectSettingsForm({ project }: { project: Project }) {
  const [name, setName] = useState(project.name ?? "");
  const [timezone, setTimezone] = useState<string>(project.timezone ?? "UTC");
  const update = useUpdateProject({ optimistic: true });
  const zones = ZONES.includes(timezone) ? ZONES : [timezone, ...ZONES];

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: project.id, body: { name: name.trim(), timezone: timezone as Timezone } });
  };

  return (
    <form onSubmit={save} aria-label="Project settings">
      <h3>Settings</h3>
      <label>
        Name
        <input name="name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Time zone
        <select name="timezone" value={timezone} onChange={(e) => setTimezone(e.target.value)}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save"}
      </button>
      {update.isSuccess ? <span className="saved">Saved</span> : null}
      {update.error ? <ErrorMessage error={update.error} action="save the settings" /> : null}
    </form>
  );
}
