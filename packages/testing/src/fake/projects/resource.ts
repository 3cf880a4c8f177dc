/**
 * The project resource: its store, list rules and serializer (crud.ts), and the actions PostHog
 * does its own way, by operationId. list, create, retrieve, partial_update and destroy have no
 * named behaviour: they are derived from their effect on the same store, as any new plain route is.
 * Keys must be operationIds of the generated table, so renaming or removing an operation fails the build.
 */
import type { OperationId } from "@hogkit/types";
import type { Behaviour } from "../context.js";
import { defineResource } from "../engine/resource.js";
import { changeOrganization } from "./change-organization.js";
import { projectList, projectSerializer, projectStore } from "./crud.js";
import { addProductIntent, completeProductOnboarding } from "./product-intents.js";
import { activity, isGeneratingDemoData } from "./status.js";
import { deleteSecretTokenBackup, resetToken, rotateSecretToken } from "./tokens.js";

const behaviours = {
  projects_reset_token_partial_update: resetToken,
  projects_rotate_secret_token_partial_update: rotateSecretToken,
  projects_delete_secret_token_backup_partial_update: deleteSecretTokenBackup,
  projects_add_product_intent_partial_update: addProductIntent,
  projects_complete_product_onboarding_partial_update: completeProductOnboarding,
  projects_change_organization_create: changeOrganization,
  projects_is_generating_demo_data_retrieve: isGeneratingDemoData,
  projects_activity_retrieve: activity,
} satisfies Partial<Record<OperationId, Behaviour>>;

export const projects = defineResource({
  name: "projects",
  store: projectStore,
  serializer: projectSerializer,
  list: projectList,
  behaviours,
});
