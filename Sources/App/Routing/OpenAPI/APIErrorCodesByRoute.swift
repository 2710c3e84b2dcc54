// Written by `scripts/record-error-codes.sh` from the refusals the test suite saw; do not edit.
// An operation's codes beyond those every operation of its kind answers (`APIErrorCodes`).
enum APIErrorCodesByRoute {
    static let table: [String: [Int: Set<String>]] = [
        "GET /api/v1/audit": [400: ["invalid_page", "invalid_per_page"]],
        "GET /api/v1/designation/calls/:callID/selection": [409: ["not_selecting"]],
        "GET /api/v1/grants/reports/cohort": [400: ["invalid_year"]],
        "GET /api/v1/grants/reports/cohort.csv": [400: ["invalid_year"]],
        "GET /api/v1/holidays": [400: ["invalid_year"]],
        "GET /api/v1/messages": [400: ["invalid_page", "invalid_per_page"]],
        "GET /api/v1/parameters": [400: ["invalid_date"]],
        "GET /api/v1/parameters/:key": [400: ["invalid_date"], 404: ["parameter_unknown"]],
        "GET /api/v1/regulation/decisions": [
            400: ["invalid_date", "invalid_outcome", "invalid_page", "invalid_per_page"]
        ],
        "GET /api/v1/regulation/decisions.csv": [400: ["invalid_date", "invalid_outcome"]],
        "GET /api/v1/regulation/districts/:district": [404: ["unknown_district"]],
        "GET /api/v1/regulation/statistics": [400: ["invalid_date", "invalid_period"]],
        "GET /api/v1/sandbox/cases": [400: ["invalid_page", "invalid_per_page"]],
        "GET /api/v1/search": [400: ["invalid_query"]],
        "GET /api/v1/users": [400: ["invalid_page", "invalid_per_page"]],
        "POST /api/v1/auth/login": [401: ["invalid_credentials"], 429: ["too_many_attempts"]],
        "POST /api/v1/auth/logout": [400: ["unexpected_body"]],
        "POST /api/v1/certifications": [400: ["invalid_certification", "invalid_validity", "unknown_document"]],
        "POST /api/v1/collaboration/applications/:applicationID/submit": [422: ["application_incomplete"]],
        "POST /api/v1/collaboration/calls": [
            400: ["invalid_budget", "invalid_stages", "invalid_title", "invalid_window", "invalid_year"]
        ],
        "POST /api/v1/collaboration/calls/:callID/applications": [
            400: ["duplicate_choice", "too_many_choices", "unknown_document"], 409: ["already_applied"],
            422: ["amount_over_cap"],
        ],
        "POST /api/v1/collaboration/calls/:callID/matching": [409: ["not_selecting"]],
        "POST /api/v1/collaboration/calls/:callID/mode": [409: ["applications_submitted"]],
        "POST /api/v1/collaboration/tracks": [400: ["invalid_track", "unknown_partner"]],
        "POST /api/v1/designation/applications/:applicationID/info-request": [409: ["not_submitted"]],
        "POST /api/v1/designation/applications/:applicationID/submit": [409: ["withdrawn"], 422: ["plan_incomplete"]],
        "POST /api/v1/designation/calls": [
            400: ["invalid_date", "invalid_round", "invalid_stages", "invalid_title", "invalid_window"]
        ],
        "POST /api/v1/designation/calls/:callID/applications": [
            400: ["invalid_applicant_level", "invalid_business_registration_number", "unknown_document"],
            409: ["call_closed"],
        ],
        "POST /api/v1/designation/calls/:callID/selection": [
            400: ["override_reason_required", "selection_violates_call"], 409: ["not_selecting"],
        ],
        "POST /api/v1/designation/calls/:callID/window": [409: ["call_not_accepting"]],
        "POST /api/v1/designation/procedures/:procedureID/actions": [
            409: ["transition_not_allowed"], 422: ["hearing_announced_too_late", "no_quorum", "notice_period_running"],
        ],
        "POST /api/v1/districts/:districtID/dedesignation": [400: ["invalid_date"]],
        "POST /api/v1/districts/:districtID/evaluations": [400: ["invalid_year", "unknown_kpi"]],
        "POST /api/v1/districts/:districtID/evaluations/panel": [409: ["self_evaluation_missing"]],
        "POST /api/v1/districts/:districtID/extension": [
            400: ["invalid_length"], 422: ["already_extended", "extension_too_long"],
        ],
        "POST /api/v1/districts/:districtID/plan-changes": [
            400: ["duplicate_operator", "invalid_business_registration_number", "invalid_kind"],
            409: ["district_not_operating"],
        ],
        "POST /api/v1/districts/:districtID/plan-changes/:number/decision": [409: ["already_decided"]],
        "POST /api/v1/documents": [
            400: ["empty_document"], 413: ["payload_too_large"], 415: ["unsupported_document_type"],
        ],
        "POST /api/v1/evaluation/assignments/:assignmentID/scorecard": [
            400: ["score_out_of_range"], 409: ["already_submitted", "assignment_removed", "declaration_required"],
        ],
        "POST /api/v1/evaluation/panels": [400: ["invalid_evaluators", "subject_required", "unknown_programme"]],
        "POST /api/v1/evaluation/panels/:panelID/finalise": [409: ["scoring_incomplete"]],
        "POST /api/v1/grants/agreements": [422: ["invalid_project_account", "invalid_terms", "not_selected"]],
        "POST /api/v1/grants/agreements/:agreementID/benefits": [422: ["invalid_benefit"]],
        "POST /api/v1/grants/agreements/:agreementID/entries/:entryID/reversal": [409: ["entry_not_reversible"]],
        "POST /api/v1/grants/agreements/:agreementID/events": [
            409: ["insufficient_balance", "settlement_items_open"], 422: ["approved_instalment_changed"],
        ],
        "POST /api/v1/grants/agreements/:agreementID/instalments/:number/events": [
            409: ["instalment_transition_not_allowed", "insufficient_balance"]
        ],
        "POST /api/v1/grants/agreements/:agreementID/outcomes": [
            409: ["outcome_already_reported"], 422: ["invalid_outcome"],
        ],
        "POST /api/v1/grants/agreements/:agreementID/spendings": [
            400: ["unknown_document"], 409: ["over_category_plan"],
        ],
        "POST /api/v1/holidays": [400: ["invalid_date", "invalid_holiday_kind"], 409: ["holiday_exists"]],
        "POST /api/v1/legal-clock": [
            400: [
                "invalid_date", "invalid_length", "invalid_time", "pause_inverted", "period_too_long", "unknown_rule",
            ], 422: ["holiday_table_not_covering"],
        ],
        "POST /api/v1/parameters/:key/versions": [
            400: ["invalid_parameter_value"], 404: ["parameter_unknown"], 422: ["parameter_version_retroactive"],
        ],
        "POST /api/v1/regulation/check": [
            400: ["invalid_company", "invalid_date", "invalid_fact_value", "missing_field"], 403: ["not_your_company"],
            404: ["unknown_district"],
            422: ["date_out_of_range", "json_limit_exceeded", "unknown_fact", "wrong_fact_type"], 429: ["rate_limited"],
        ],
        "POST /api/v1/regulation/versions": [400: ["invalid_file_name", "no_files"], 422: ["rulebook_invalid"]],
        "POST /api/v1/regulation/versions/:versionID/publish": [
            409: ["version_not_draft"], 422: ["version_retroactive"],
        ],
        "POST /api/v1/sandbox/cases": [400: ["invalid_sandbox_case", "unknown_document"], 422: ["unknown_district"]],
        "POST /api/v1/sandbox/cases/:caseID/claims": [400: ["invalid_claim"]],
        "POST /api/v1/sandbox/cases/:caseID/claims/:claimID/report": [400: ["invalid_date"]],
        "POST /api/v1/sandbox/cases/:caseID/claims/:claimID/settlement": [
            400: ["invalid_amount", "refusal_reason_required"], 409: ["claim_settled"],
        ],
        "POST /api/v1/sandbox/cases/:caseID/events": [
            400: [
                "answer_required", "compensation_plan_incomplete", "invalid_answer", "invalid_date",
                "invalid_extension", "invalid_ministries", "invalid_validity", "note_required",
                "results_report_incomplete", "unknown_ministry",
            ], 403: ["deemed_by_the_clock", "not_your_step"],
            409: [
                "already_converted", "answer_contradicts_ministries", "answers_conflict", "extension_not_requested",
                "hearing_required", "ministry_already_answered", "no_compensation_plan", "results_already_submitted",
                "review_already_extended", "revision_already_requested", "revision_not_requested",
                "revision_not_started", "sandbox_case_transition_not_allowed", "sandbox_event_not_for_kind",
                "validity_already_extended",
            ],
            422: ["extension_request_too_late", "insurance_insufficient", "reconsideration_too_late", "unknown_rule"],
        ],
        "POST /api/v1/users": [
            400: ["binding_required", "invalid_display_name", "invalid_email", "invalid_role", "unsupported_language"],
            409: ["email_taken"],
        ],
        "PUT /api/v1/collaboration/applications/:applicationID": [409: ["already_submitted"]],
        "PUT /api/v1/collaboration/profile": [
            400: ["invalid_business_registration_number", "invalid_name"], 409: ["profile_locked"],
        ],
        "PUT /api/v1/collaboration/tracks/:trackID": [
            400: ["invalid_capacity", "too_long", "unknown_organisation"], 403: ["field_not_yours"],
        ],
        "PUT /api/v1/designation/applications/:applicationID": [
            400: ["invalid_business_registration_number"], 409: ["already_submitted"],
        ],
        "PUT /api/v1/grants/tracks/:trackID/terms": [409: ["track_budget_in_use"], 422: ["invalid_ratios"]],
    ]
}
