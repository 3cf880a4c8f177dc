import { useEffect, useState } from "react";

interface ProxyInfo {
  backend: "hogkit-mock" | "posthog";
  credentials: "personal-api-key" | "session";
}

/** Says what the proxy talks to, so nobody mistakes the fake for production (or the reverse). */
export function ConnectionBadge() {
  const [info, setInfo] = useState<ProxyInfo | null>(null);
  useEffect(() => {
    fetch("/posthog-proxy/__proxy/info")
      .then((response) => (response.ok ? (response.json() as Promise<ProxyInfo>) : null))
      .then(setInfo, () => setInfo(null));
  }, []);
  if (!info) return null;
  return (
    <span className="badge" data-testid="connection">
      {info.backend === "posthog" ? "PostHog" : "hogkit-mock"} ·{" "}
      {info.credentials === "session" ? "browser session" : "personal API key"}
    </span>
  );
}
