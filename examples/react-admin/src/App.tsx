import { useEffect, useState } from "react";
import { ConnectionBadge } from "./components/ConnectionBadge.js";
import { ProjectDetail } from "./components/ProjectDetail.js";
import { ProjectList } from "./components/ProjectList.js";

/** The project id in `#/projects/42`, or null. */
function projectIdFromHash(): number | null {
  const match = window.location.hash.match(/^#\/projects\/(\d+)$/);
  return match ? Number(match[1]) : null;
}

/** `#/projects/42` opens project 42; anything else shows the list. */
function useProjectRoute(): [number | null, (id: number | null) => void] {
  const [id, setId] = useState(projectIdFromHash);
  useEffect(() => {
    const onChange = () => setId(projectIdFromHash());
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  const go = (next: number | null) => {
    window.location.hash = next === null ? "#/" : `#/projects/${next}`;
  };
  return [id, go];
}

export function App() {
  const [projectId, open] = useProjectRoute();
  return (
    <div className="app">
      <header>
        <h1>
          <a href="#/">PostHog projects</a>
        </h1>
        <ConnectionBadge />
      </header>
      <main>
        {projectId === null ? (
          <ProjectList onOpen={open} />
        ) : (
          <ProjectDetail id={projectId} onBack={() => open(null)} onDeleted={() => open(null)} />
        )}
      </main>
    </div>
  );
}
