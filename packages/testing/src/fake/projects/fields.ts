/**
 * What PostHog knows about the project's fields that the published schema does not say: the order
 * DRF validates them in (ProjectBackwardCompatSerializer.Meta.fields, so the first error is the
 * one PostHog reports), which settings only admins may change, which JSON fields reject null, the
 * model's value bounds, and which fields live on the Team rather than the Project (the activity
 * log records them under different scopes). Sources: posthog/api/project.py, posthog/api/team.py
 * (TEAM_CONFIG_FIELDS, TEAM_CONFIG_MEMBER_FIELDS), posthog/models/team/team.py.
 */

/** ProjectBackwardCompatSerializer.Meta.fields, in order. Spec fields not listed validate last. */
export const FIELD_ORDER = [
  "id",
  "organization",
  "name",
  "product_description",
  "created_at",
  "effective_membership_level",
  "has_group_types",
  "group_types",
  "live_events_token",
  "updated_at",
  "uuid",
  "api_token",
  "app_urls",
  "anonymize_ips",
  "completed_snippet_onboarding",
  "ingested_event",
  "test_account_filters",
  "test_account_filters_default_checked",
  "path_cleaning_filters",
  "is_demo",
  "timezone",
  "data_attributes",
  "person_display_name_properties",
  "correlation_config",
  "autocapture_opt_out",
  "autocapture_exceptions_opt_in",
  "autocapture_web_vitals_opt_in",
  "autocapture_web_vitals_allowed_metrics",
  "autocapture_exceptions_errors_to_ignore",
  "capture_console_log_opt_in",
  "capture_performance_opt_in",
  "session_recording_opt_in",
  "session_recording_sample_rate",
  "session_recording_minimum_duration_milliseconds",
  "session_recording_linked_flag",
  "session_recording_network_payload_capture_config",
  "session_recording_masking_config",
  "session_recording_url_trigger_config",
  "session_recording_url_blocklist_config",
  "session_recording_event_trigger_config",
  "session_recording_trigger_match_type_config",
  "session_recording_trigger_groups",
  "session_recording_retention_period",
  "session_replay_config",
  "survey_config",
  "access_control",
  "week_start_day",
  "primary_dashboard",
  "live_events_columns",
  "recording_domains",
  "person_on_events_querying_enabled",
  "inject_web_apps",
  "extra_settings",
  "modifiers",
  "default_modifiers",
  "has_completed_onboarding_for",
  "surveys_opt_in",
  "heatmaps_opt_in",
  "product_intents",
  "flags_persistence_default",
  "secret_api_token",
  "secret_api_token_backup",
] as const;

/** TEAM_CONFIG_FIELDS (posthog/api/team.py). */
const TEAM_CONFIG_FIELDS = [
  "app_urls",
  "anonymize_ips",
  "completed_snippet_onboarding",
  "test_account_filters",
  "test_account_filters_default_checked",
  "path_cleaning_filters",
  "is_demo",
  "timezone",
  "data_attributes",
  "person_display_name_properties",
  "correlation_config",
  "autocapture_opt_out",
  "autocapture_exceptions_opt_in",
  "autocapture_web_vitals_opt_in",
  "autocapture_web_vitals_allowed_metrics",
  "autocapture_exceptions_errors_to_ignore",
  "capture_console_log_opt_in",
  "logs_settings",
  "capture_performance_opt_in",
  "session_recording_opt_in",
  "session_recording_sample_rate",
  "session_recording_minimum_duration_milliseconds",
  "session_recording_linked_flag",
  "session_recording_network_payload_capture_config",
  "session_recording_masking_config",
  "session_recording_url_trigger_config",
  "session_recording_url_blocklist_config",
  "session_recording_event_trigger_config",
  "session_recording_trigger_match_type_config",
  "session_recording_trigger_groups",
  "session_recording_retention_period",
  "session_replay_config",
  "survey_config",
  "week_start_day",
  "primary_dashboard",
  "live_events_columns",
  "recording_domains",
  "cookieless_server_hash_mode",
  "human_friendly_comparison_periods",
  "inject_web_apps",
  "extra_settings",
  "modifiers",
  "has_completed_onboarding_for",
  "surveys_opt_in",
  "heatmaps_opt_in",
  "flags_persistence_default",
  "feature_flag_confirmation_enabled",
  "feature_flag_confirmation_message",
  "default_evaluation_contexts_enabled",
  "require_evaluation_contexts",
  "capture_dead_clicks",
  "default_data_theme",
  "revenue_analytics_config",
  "marketing_analytics_config",
  "customer_analytics_config",
  "onboarding_tasks",
  "base_currency",
  "web_analytics_pre_aggregated_tables_enabled",
  "receive_org_level_activity_logs",
  "business_model",
  "conversations_enabled",
  "conversations_settings",
  "proactive_tasks_enabled",
  "workflows_config",
];

/** TEAM_CONFIG_MEMBER_FIELDS: the settings an organization member may change. */
export const MEMBER_FIELDS = new Set([
  "completed_snippet_onboarding",
  "has_completed_onboarding_for",
  "onboarding_tasks",
  "session_recording_opt_in",
  "autocapture_exceptions_opt_in",
  "autocapture_web_vitals_opt_in",
  "autocapture_web_vitals_allowed_metrics",
  "surveys_opt_in",
  "primary_dashboard",
]);

/**
 * TEAM_CONFIG_ADMIN_FIELDS_SET. `app_urls` stays in it: the fake has no access-control feature,
 * under which PostHog defers it to a web-analytics-editor check instead.
 */
export const ADMIN_FIELDS = new Set([
  ...TEAM_CONFIG_FIELDS.filter((field) => !MEMBER_FIELDS.has(field)),
  "is_demo",
  "app_urls",
  "access_control",
  "name",
]);

/** JSONFields whose model column is NOT NULL (the spec's `{}` cannot say it; the rest allow null). */
export const NOT_NULL_JSON_FIELDS = new Set(["test_account_filters", "data_attributes"]);

/** Value bounds of model validators the published schema leaves out. */
export const FIELD_BOUNDS: Record<string, { min: number; max: number }> = {
  session_recording_sample_rate: { min: 0, max: 1 },
};

/** Fields that live on the Project model; everything else writes through to its Team. */
export const PROJECT_ONLY_FIELDS = new Set(["product_description"]);

/** Team columns the activity diff never reports (field_exclusions["Team"] + common exclusions). */
export const TEAM_DIFF_EXCLUDED = new Set([
  "uuid",
  "updated_at",
  "created_at",
  "id",
  "secret_api_token",
  "secret_api_token_backup",
  "_old_api_token",
  "short_id",
  "created_by",
  "last_modified_at",
  "last_modified_by",
  "updated_by",
  "team",
  "team_id",
]);

/** How a field is named in the activity log (`team.__dict__` keys: foreign keys carry `_id`). */
export const ACTIVITY_FIELD_NAMES: Record<string, string> = { primary_dashboard: "primary_dashboard_id" };
