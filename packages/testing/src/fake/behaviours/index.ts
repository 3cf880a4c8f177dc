/**
 * Named behaviours, by operationId. An operation of the spec that has none here still answers:
 * with a behaviour derived from its response schema (see ../fallback.ts). Keys must be operationIds
 * of the generated table, so renaming or removing an operation fails the build here.
 */
import type { OperationId } from "@hogkit/types";
import type { Behaviour } from "../context.js";
import { changeOrganization } from "./change-organization.js";
import { addProductIntent, completeProductOnboarding } from "./product-intents.js";
import { createProject, destroyProject, listProjects, retrieveProject, updateProject } from "./projects.js";
import { activity, isGeneratingDemoData } from "./status.js";
import { deleteSecretTokenBackup, resetToken, rotateSecretToken } from "./tokens.js";

export const behaviours = {
  projects_list: listProjects,
  projects_create: createProject,
  projects_retrieve: retrieveProject,
  projects_partial_update: updateProject,
  projects_destroy: destroyProject,
  projects_reset_token_partial_update: resetToken,
  projects_rotate_secret_token_partial_update: rotateSecretToken,
  projects_delete_secret_token_backup_partial_update: deleteSecretTokenBackup,
  projects_add_product_intent_partial_update: addProductIntent,
  projects_complete_product_onboarding_partial_update: completeProductOnboarding,
  projects_change_organization_create: changeOrganization,
  projects_is_generating_demo_data_retrieve: isGeneratingDemoData,
  projects_activity_retrieve: activity,
} satisfies Partial<Record<OperationId, Behaviour>>;
