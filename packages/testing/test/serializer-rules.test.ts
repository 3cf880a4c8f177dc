/**
 * The engine's schema serializer with a resource module's rules (src/fake/engine/schema-serializer.ts):
 * what a module declares beyond the schema — fields the server ignores, the model's defaults on
 * create, `validate_<field>` — on the project's write schema.
 */
import { describe, expect, it } from "vitest";
import { ApiError } from "../src/fake/engine/api-error.js";
import { fail } from "../src/fake/engine/drf-fields.js";
import { validateBySchema } from "../src/fake/engine/schema-serializer.js";

const SCHEMA = "PatchedProjectBackwardCompat";
const rules = {
  readOnly: ["is_demo"],
  defaults: { timezone: "Europe/London", app_urls: [] },
  validators: {
    name: (value: unknown) => {
      if (String(value) === "untitled") fail("Choose a name.", "invalid_name");
      return String(value).toLowerCase();
    },
  },
};

describe("serializer rules", () => {
  it("ignore read-only fields, fill defaults on create only, and run validate_<field>", () => {
    const created = validateBySchema(SCHEMA, { name: "  Site  ", is_demo: true }, { partial: false, ...rules });
    expect(created).toEqual({ name: "site", timezone: "Europe/London", app_urls: [] });
    const patched = validateBySchema(SCHEMA, { name: "Site", is_demo: true }, { partial: true, ...rules });
    expect(patched).toEqual({ name: "site" });
    // Without rules the same body keeps is_demo, gets no defaults, and only DRF's CharField runs (it trims).
    expect(validateBySchema(SCHEMA, { name: "  Site  ", is_demo: true }, { partial: false })).toEqual({
      name: "Site",
      is_demo: true,
    });
  });

  it("a validator's failure is PostHog's error for that field", () => {
    const attempt = () => validateBySchema(SCHEMA, { name: "untitled" }, { partial: true, ...rules });
    expect(attempt).toThrow(ApiError);
    try {
      attempt();
    } catch (error) {
      expect((error as ApiError).toResponse().status).toBe(400);
      expect(error).toMatchObject({ code: "invalid_name", attr: "name", detail: "Choose a name." });
    }
  });
});
