/** What `hogkit-mock` starts with unless `--empty`: a few projects that look like a real organization's. */
import type { Project } from "../fake/database.js";

export const DEMO_PROJECTS: Array<Partial<Project>> = [
  {
    name: "Web app",
    timezone: "Europe/Berlin",
    app_urls: ["https://app.example.com"],
    session_recording_opt_in: true,
    session_recording_sample_rate: "0.50",
    completed_snippet_onboarding: true,
  },
  {
    name: "Mobile app",
    timezone: "America/New_York",
    week_start_day: 0,
    autocapture_exceptions_opt_in: true,
  },
  {
    name: "Marketing site",
    timezone: "UTC",
    anonymize_ips: true,
    heatmaps_opt_in: true,
    surveys_opt_in: true,
  },
];
