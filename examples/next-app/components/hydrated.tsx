"use client";

import { useEffect, useState } from "react";

/** Marks the page once React has hydrated it, so tests know when the browser side is live. */
export function Hydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated ? <span data-testid="hydrated" hidden /> : null;
}
