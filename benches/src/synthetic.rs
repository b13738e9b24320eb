//! Synthetic catalogs of any size, and the hand-written crate equivalent to what errcat generates
//! for them: the inputs of the build-time benchmarks (`src/bin/build_bench.rs`).
//!
//! Each [`Shape`] is the envelope of one seed catalog (`catalog/<seed>.yaml`): its `envelope`
//! block, `identify_by`, `types` and `statuses` table, copied. [`catalog_yaml`] fills such a
//! catalog with any number of codes whose facts (status, type, message, description, user
//! message, fix, category, retry, an example on every 10th code) are drawn from a fixed-seed
//! arithmetic generator, so the same arguments always give the same text. [`handwritten_crate`]
//! writes the same codes the way a developer does without a catalog: a serde + strum `Code`
//! enum, `match`-based facts and a thiserror error over a serde body that keeps unknown keys.
//!
//! This file uses only `std`, so that a build script can include it with
//! `#[path = "src/synthetic.rs"] mod synthetic;`.
// A build script that includes this file uses only part of it.
#![allow(dead_code)]

use std::fmt::Write as _;

/// The envelope shape of one seed catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `catalog/vivamo.yaml`: flat, no code, identified by the exact message text
    /// (`message: [message, Message]`, `errors`).
    Vivamo,
    /// `catalog/licensekey.yaml`: flat `code`, `message`, `request_id`, `metadata`.
    Licensekey,
    /// `catalog/vrp_billing.yaml`: nested under `error`: `type`, `code`, `message`, `param`,
    /// `details`; five types.
    VrpBilling,
    /// `catalog/vaultspay.yaml`: nested under `error`: `code`, `message`, `type`, `param`,
    /// `request_id`; six types.
    Vaultspay,
    /// `catalog/verification.yaml`: nested under `error`: `code`, `message`, `details`, `field`,
    /// `retryAfter`; SCREAMING_SNAKE_CASE codes.
    Verification,
}

/// One row of a shape's status table.
struct StatusRow {
    status: u16,
    meaning: &'static str,
    category: &'static str,
    retry: &'static str,
}

/// One of a shape's error types.
struct TypeRow {
    wire: &'static str,
    rust: &'static str,
    description: &'static str,
    status: u16,
    category: &'static str,
    retry: &'static str,
}

/// An envelope slot: the slot word and its wire names (the first one is rendered).
type SlotRow = (&'static str, &'static [&'static str]);

const fn row(
    status: u16,
    meaning: &'static str,
    category: &'static str,
    retry: &'static str,
) -> StatusRow {
    StatusRow {
        status,
        meaning,
        category,
        retry,
    }
}

const fn type_row(
    wire: &'static str,
    rust: &'static str,
    description: &'static str,
    status: u16,
    category: &'static str,
    retry: &'static str,
) -> TypeRow {
    TypeRow {
        wire,
        rust,
        description,
        status,
        category,
        retry,
    }
}

const VIVAMO_STATUSES: &[StatusRow] = &[
    row(400, "Bad Request — The request was invalid — missing fields, failed validation, duplicate records, expired intents, or business logic violations. This is the most common error status.", "validation", "never"),
    row(403, "Forbidden — The API key is invalid, the client secret has expired, or the customer's location is blocked by geolocation rules.", "authentication", "never"),
    row(500, "Internal Server Error — An unexpected server-side error occurred. These are rare and should be retried.", "internal", "backoff"),
];

const LICENSEKEY_STATUSES: &[StatusRow] = &[
    row(
        400,
        "Bad Request — Invalid request parameters or body",
        "validation",
        "never",
    ),
    row(
        401,
        "Unauthorized — Missing or invalid license key",
        "authentication",
        "never",
    ),
    row(
        403,
        "Forbidden — License lacks required capabilities",
        "permission",
        "never",
    ),
    row(
        404,
        "Not Found — Resource does not exist",
        "not_found",
        "never",
    ),
    row(
        409,
        "Conflict — Resource already exists (e.g., duplicate email/phone)",
        "conflict",
        "never",
    ),
    row(
        500,
        "Internal Server Error — Unexpected server error",
        "internal",
        "backoff",
    ),
];

const VRP_BILLING_STATUSES: &[StatusRow] = &[
    row(400, "Bad Request — Invalid parameters, malformed JSON, business rule violations.", "validation", "never"),
    row(401, "Unauthorized — Missing or invalid bearer token.", "authentication", "never"),
    row(403, "Forbidden — API key lacks permission for the requested resource.", "permission", "never"),
    row(404, "Not Found — Resource does not exist or belongs to another merchant.", "not_found", "never"),
    row(409, "Conflict — Duplicate resource or state transition not allowed.", "conflict", "never"),
    row(422, "Unprocessable Entity — Validation succeeded but bank-level constraints rejected the request.", "business_rule", "never"),
    row(429, "Too Many Requests — Rate limit exceeded (see Rate Limits).", "rate_limited", "backoff"),
    row(500, "Internal Server Error — Unexpected issue on VRP Billing's side.", "internal", "backoff"),
    row(503, "Service Unavailable — Temporary outage or scheduled maintenance. Retry with backoff.", "provider_unavailable", "backoff"),
];

const VRP_BILLING_TYPES: &[TypeRow] = &[
    type_row("invalid_request", "InvalidRequest", "Invalid parameters, malformed JSON, business rule violations.", 400, "validation", "never"),
    type_row("authentication_error", "AuthenticationError", "Missing or invalid bearer token.", 401, "authentication", "never"),
    type_row("authorization_error", "AuthorizationError", "API key lacks permission for the requested resource.", 403, "permission", "never"),
    type_row("rate_limit_error", "RateLimitError", "Rate limit exceeded (see Rate Limits).", 429, "rate_limited", "backoff"),
    type_row("api_error", "ApiError", "Unexpected issue on VRP Billing's side. Implement alerting for recurring api_error responses. If you encounter persistent api_error responses, contact support with: timestamp and timezone; endpoint called and request payload (sanitised); response body. This information speeds up triage and resolution.", 500, "internal", "backoff"),
];

const VAULTSPAY_STATUSES: &[StatusRow] = &[
    row(
        400,
        "Bad Request — malformed or invalid request body.",
        "validation",
        "never",
    ),
    row(
        401,
        "Unauthorized — missing or invalid API key.",
        "authentication",
        "never",
    ),
    row(
        403,
        "Forbidden — authenticated but not allowed to do this.",
        "permission",
        "never",
    ),
    row(
        404,
        "Not Found — resource does not exist or doesn’t belong to you.",
        "not_found",
        "never",
    ),
    row(
        409,
        "Conflict — resource state prevents the action.",
        "conflict",
        "never",
    ),
    row(
        422,
        "Unprocessable Entity — validation failed.",
        "validation",
        "never",
    ),
    row(
        429,
        "Too Many Requests — rate limit hit.",
        "rate_limited",
        "backoff",
    ),
    row(
        500,
        "Server Error — we had a bad day. Retry with backoff.",
        "internal",
        "backoff",
    ),
    row(
        503,
        "Service Unavailable — maintenance / degraded mode.",
        "provider_unavailable",
        "backoff",
    ),
];

const VAULTSPAY_TYPES: &[TypeRow] = &[
    type_row(
        "authentication",
        "Authentication",
        "API key, signature, or credential problems.",
        401,
        "authentication",
        "never",
    ),
    type_row(
        "authorization",
        "Authorization",
        "You are authenticated but not allowed to do this.",
        403,
        "permission",
        "never",
    ),
    type_row(
        "invalid_request",
        "InvalidRequest",
        "Request is malformed or fails validation.",
        400,
        "validation",
        "never",
    ),
    type_row(
        "resource_conflict",
        "ResourceConflict",
        "The current state of a resource blocks the requested action.",
        409,
        "conflict",
        "never",
    ),
    type_row(
        "rate_limit",
        "RateLimit",
        "Too many requests within the window.",
        429,
        "rate_limited",
        "backoff",
    ),
    type_row(
        "api_error",
        "ApiError",
        "Something went wrong on our end.",
        500,
        "internal",
        "backoff",
    ),
];

const VERIFICATION_STATUSES: &[StatusRow] = &[
    row(
        400,
        "Invalid request — Malformed JSON, missing required fields",
        "validation",
        "never",
    ),
    row(
        401,
        "Authentication failed — Invalid or missing API key/token",
        "authentication",
        "never",
    ),
    row(
        403,
        "Permission denied — Insufficient scope/permissions",
        "permission",
        "never",
    ),
    row(
        404,
        "Resource not found — Customer ID doesn't exist",
        "not_found",
        "never",
    ),
    row(
        409,
        "Resource conflict — Customer in UNDER_REVIEW cannot be updated",
        "conflict",
        "never",
    ),
    row(
        422,
        "Validation failed — Invalid field values or format",
        "validation",
        "never",
    ),
    row(
        429,
        "Rate limit exceeded — Too many requests in short period",
        "rate_limited",
        "retry_after",
    ),
    row(
        500,
        "Server error — Retry with exponential backoff",
        "internal",
        "backoff",
    ),
    row(
        503,
        "Service temporarily down — Retry after delay",
        "provider_unavailable",
        "backoff",
    ),
];

impl Shape {
    /// Every shape, in the order [`catalogs`] uses.
    pub const ALL: [Shape; 5] = [
        Shape::Vivamo,
        Shape::Licensekey,
        Shape::VrpBilling,
        Shape::Vaultspay,
        Shape::Verification,
    ];

    /// The seed catalog's provider (module) name.
    pub fn seed(self) -> &'static str {
        match self {
            Shape::Vivamo => "vivamo",
            Shape::Licensekey => "licensekey",
            Shape::VrpBilling => "vrp_billing",
            Shape::Vaultspay => "vaultspay",
            Shape::Verification => "verification",
        }
    }

    /// The seed catalog's display name.
    pub fn seed_name(self) -> &'static str {
        match self {
            Shape::Vivamo => "Vivamo",
            Shape::Licensekey => "License-key Customer API",
            Shape::VrpBilling => "VRP Billing",
            Shape::Vaultspay => "VaultsPay",
            Shape::Verification => "Customer Verification API",
        }
    }

    /// Whether bodies are identified by their message text (`identify_by: message`).
    pub fn identifies_by_message(self) -> bool {
        self == Shape::Vivamo
    }

    /// The key the error object is nested under, if any.
    fn nested_under(self) -> Option<&'static str> {
        match self {
            Shape::Vivamo | Shape::Licensekey => None,
            Shape::VrpBilling | Shape::Vaultspay | Shape::Verification => Some("error"),
        }
    }

    /// The envelope slots, in the seed catalog's order.
    fn slots(self) -> &'static [SlotRow] {
        match self {
            Shape::Vivamo => &[
                ("message", &["message", "Message"]),
                ("errors", &["errors"]),
            ],
            Shape::Licensekey => &[
                ("code", &["code"]),
                ("message", &["message"]),
                ("request_id", &["request_id"]),
                ("metadata", &["metadata"]),
            ],
            Shape::VrpBilling => &[
                ("type", &["type"]),
                ("code", &["code"]),
                ("message", &["message"]),
                ("param", &["param"]),
                ("details", &["details"]),
            ],
            Shape::Vaultspay => &[
                ("code", &["code"]),
                ("message", &["message"]),
                ("type", &["type"]),
                ("param", &["param"]),
                ("request_id", &["request_id"]),
            ],
            Shape::Verification => &[
                ("code", &["code"]),
                ("message", &["message"]),
                ("details", &["details"]),
                ("field", &["field"]),
                ("retry_after", &["retryAfter"]),
            ],
        }
    }

    fn has_slot(self, slot: &str) -> bool {
        self.slots().iter().any(|(name, _)| *name == slot)
    }

    fn statuses(self) -> &'static [StatusRow] {
        match self {
            Shape::Vivamo => VIVAMO_STATUSES,
            Shape::Licensekey => LICENSEKEY_STATUSES,
            Shape::VrpBilling => VRP_BILLING_STATUSES,
            Shape::Vaultspay => VAULTSPAY_STATUSES,
            Shape::Verification => VERIFICATION_STATUSES,
        }
    }

    fn types(self) -> &'static [TypeRow] {
        match self {
            Shape::VrpBilling => VRP_BILLING_TYPES,
            Shape::Vaultspay => VAULTSPAY_TYPES,
            Shape::Vivamo | Shape::Licensekey | Shape::Verification => &[],
        }
    }

    /// The seed catalog's wire codes are SCREAMING_SNAKE_CASE.
    fn upper_case_codes(self) -> bool {
        self == Shape::Verification
    }
}

// ---------------------------------------------------------------------------------------------
// The codes: one fact generator behind both the catalog and the hand-written crate.
// ---------------------------------------------------------------------------------------------

/// One synthetic code, with every fact resolved.
struct CodeSpec {
    /// The catalog key (the wire code, or with `identify_by: message` a name).
    key: String,
    /// The Rust variant name (what errcat derives from the key).
    rust: String,
    /// The string on the wire: the key, or the message text.
    wire: String,
    status: u16,
    error_type: Option<&'static TypeRow>,
    message: String,
    description: String,
    user_message: String,
    fix: Option<String>,
    category: &'static str,
    retry: &'static str,
    /// Whether the catalog documents an example body for it.
    example: bool,
    /// The parameter/field an example names.
    param: &'static str,
}

/// splitmix64: a fixed, stateless mixing function, so each code's facts depend only on the
/// shape and its index.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A deterministic stream of numbers for one code.
struct Draw(u64);

impl Draw {
    fn new(shape: Shape, index: usize) -> Draw {
        let salt = Shape::ALL
            .iter()
            .position(|candidate| *candidate == shape)
            .unwrap_or(0) as u64;
        Draw(mix((salt << 40) ^ index as u64))
    }

    /// A number below `bound` (0 when `bound` is 0).
    fn below(&mut self, bound: usize) -> usize {
        self.0 = mix(self.0);
        if bound == 0 {
            0
        } else {
            (self.0 % bound as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const OBJECTS: &[&str] = &[
    "card",
    "customer",
    "mandate",
    "payment",
    "account",
    "license",
    "transfer",
    "invoice",
    "webhook endpoint",
    "API key",
    "session",
    "refund",
    "payout",
    "document",
    "address",
    "subscription",
];

const OPERATIONS: &[&str] = &[
    "creating a payment",
    "updating a customer",
    "issuing a card",
    "capturing a payment",
    "creating a mandate",
    "sending a payout",
    "verifying a document",
    "refunding a charge",
    "listing transactions",
    "closing an account",
];

const PARAMS: &[&str] = &[
    "amount",
    "currency",
    "email",
    "phone",
    "customer_id",
    "mandate_id",
    "reference",
];

/// Problem phrases, user messages and fixes per category.
fn category_texts(
    category: &str,
) -> (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
) {
    match category {
        "authentication" => (
            &[
                "the credentials are invalid",
                "the access token has expired",
                "the request signature does not match",
                "the key was revoked",
            ],
            &[
                "We couldn't verify your access. Please sign in again.",
                "Your session has expired. Please sign in again.",
            ],
            &[
                "Check the API key and the environment it belongs to.",
                "Refresh the token and send the request again.",
            ],
        ),
        "permission" => (
            &[
                "the key lacks the required scope",
                "the account may not use this endpoint",
                "it belongs to another merchant",
            ],
            &[
                "You don't have permission to perform this action.",
                "This action is not available for your account.",
            ],
            &[
                "Request the missing scope from your account manager.",
                "Use a key of the account that owns the resource.",
            ],
        ),
        "validation" => (
            &[
                "a required field is missing",
                "a field has an invalid format",
                "the value must be a positive integer",
                "the value is not supported",
                "the value is too long",
            ],
            &[
                "Some of the information you entered is not valid. Please check it and try again.",
                "Some required information is missing. Please complete all fields and try again.",
            ],
            &[
                "Read the parameter named in the error and correct it.",
                "Validate the request against the API reference before sending it.",
            ],
        ),
        "not_found" => (
            &[
                "it does not exist",
                "it was deleted",
                "no record matches the given ID",
            ],
            &[
                "We couldn't find what you were looking for.",
                "We couldn't find this record.",
            ],
            &[
                "Check the ID; list the resources to find the right one.",
                "Create the resource before referring to it.",
            ],
        ),
        "conflict" => (
            &[
                "it already exists",
                "its current state prevents this action",
                "the idempotency key was reused with a different body",
                "another request is changing it",
            ],
            &[
                "This record already exists.",
                "This can't be done right now. Please try again in a moment.",
            ],
            &[
                "Retrieve the existing record instead of creating it again.",
                "Wait for the resource to reach a final state, then retry.",
            ],
        ),
        "rate_limited" => (
            &[
                "too many requests were sent in the window",
                "the daily quota is used up",
            ],
            &["Too many requests. Please wait a moment and try again."],
            &[
                "Back off with exponential delay.",
                "Wait for the time in retryAfter, then retry.",
            ],
        ),
        "provider_unavailable" => (
            &[
                "the bank is unavailable",
                "an upstream service timed out",
                "the service is under maintenance",
            ],
            &["The service is temporarily unavailable. Please try again later."],
            &["Retry with backoff; check the status page if it persists."],
        ),
        "internal" => (
            &[
                "an unexpected error occurred",
                "the operation failed inside the provider",
            ],
            &["Something went wrong on our side. Please try again."],
            &["Safe to retry with backoff; contact support with the request ID if it persists."],
        ),
        _ => (
            &[
                "the amount exceeds the mandate limit",
                "identity verification is incomplete",
                "the balance is not zero",
                "the bank rejected it",
            ],
            &[
                "This request can't be completed.",
                "Please complete identity verification before continuing.",
            ],
            &[
                "Lower the amount or adjust the mandate.",
                "Complete the missing step before retrying.",
            ],
        ),
    }
}

/// The `codes` codes of `shape`, in catalog order.
fn code_specs(shape: Shape, codes: usize) -> Vec<CodeSpec> {
    let width = codes.to_string().len().max(5);
    (0..codes)
        .map(|index| code_spec(shape, index, width))
        .collect()
}

fn code_spec(shape: Shape, index: usize, width: usize) -> CodeSpec {
    let mut draw = Draw::new(shape, index);
    let statuses = shape.statuses();
    let types = shape.types();
    let (error_type, mut status, mut category, mut retry) = if types.is_empty() {
        // Most documented errors are 400s: the first row gets three extra chances.
        let choice = draw.below(statuses.len() + 3);
        let row = &statuses[if choice >= statuses.len() { 0 } else { choice }];
        (None, row.status, row.category, row.retry)
    } else {
        let kind = draw.pick(types);
        (Some(kind), kind.status, kind.category, kind.retry)
    };
    // One code in five takes another status of the same category (400 → 422, say).
    if draw.below(5) == 0 {
        let same: Vec<&StatusRow> = statuses
            .iter()
            .filter(|row| row.category == category)
            .collect();
        if !same.is_empty() {
            status = draw.pick(&same).status;
        }
    }
    match (status, draw.below(7)) {
        (400 | 422, 0) => category = "business_rule",
        (409, 0 | 1) => retry = "same_idempotency_key",
        (401, 0 | 1) => retry = "refresh_credentials",
        _ => {}
    }
    if category == "business_rule" {
        retry = "never";
    }
    let (problems, user_messages, fixes) = category_texts(category);
    let problem = *draw.pick(problems);
    let object = *draw.pick(OBJECTS);
    let operation = *draw.pick(OPERATIONS);
    let number = index + 1;
    let message = format!("Synthetic error {number}: the {object} was refused because {problem}.");
    let description = format!("Returned while {operation} when {problem}.");
    let user_message = (*draw.pick(user_messages)).to_owned();
    let fix = (index % 5 != 4).then(|| (*draw.pick(fixes)).to_owned());
    let key = if shape.upper_case_codes() {
        format!("SYNTHETIC_ERROR_{number:0width$}")
    } else {
        format!("synthetic_error_{number:0width$}")
    };
    let param = *draw.pick(PARAMS);
    let wire = if shape.identifies_by_message() {
        message.clone()
    } else {
        key.clone()
    };
    CodeSpec {
        rust: format!("SyntheticError{number:0width$}"),
        key,
        wire,
        status,
        error_type,
        message,
        description,
        user_message,
        fix,
        category,
        retry,
        example: index % 10 == 0,
        param,
    }
}

// ---------------------------------------------------------------------------------------------
// Catalogs
// ---------------------------------------------------------------------------------------------

/// A YAML double-quoted string (the generated texts hold no `"` or `\`, but stay safe).
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A valid catalog of `codes` codes in the envelope shape of `shape`, for the module `provider`.
/// The same arguments always give the same text.
pub fn catalog_yaml(shape: Shape, provider: &str, codes: usize) -> String {
    let specs = code_specs(shape, codes);
    let mut out = String::with_capacity(400 + codes * 700);
    let _ = writeln!(
        out,
        "# Synthetic catalog written by errcat-benches (benches/src/synthetic.rs): {codes} codes in the\n\
         # envelope shape of catalog/{}.yaml. Regenerate it; do not edit it.\n",
        shape.seed()
    );
    let _ = writeln!(out, "provider: {provider}");
    let _ = writeln!(
        out,
        "name: {}",
        quoted(&format!("Synthetic {}", shape.seed_name()))
    );
    let _ = writeln!(
        out,
        "description: {}",
        quoted(&format!(
            "{codes} synthetic codes in the envelope of {}, for the build-time benchmarks.",
            shape.seed_name()
        ))
    );
    if shape.identifies_by_message() {
        out.push_str("identify_by: message\n");
    }
    out.push_str("\nenvelope:\n");
    if let Some(key) = shape.nested_under() {
        let _ = writeln!(out, "  nested_under: {key}");
    }
    out.push_str("  keys:\n");
    for (slot, names) in shape.slots() {
        if let [name] = names {
            let _ = writeln!(out, "    {slot}: {name}");
        } else {
            let _ = writeln!(out, "    {slot}: [{}]", names.join(", "));
        }
    }
    out.push_str("\nstatuses:\n");
    for row in shape.statuses() {
        let _ = writeln!(
            out,
            "  {}:\n    meaning: {}\n    category: {}\n    retry: {}",
            row.status,
            quoted(row.meaning),
            row.category,
            row.retry
        );
    }
    if !shape.types().is_empty() {
        out.push_str("\ntypes:\n");
        for kind in shape.types() {
            let _ = writeln!(
                out,
                "  {}:\n    description: {}\n    status: {}\n    category: {}\n    retry: {}",
                kind.wire,
                quoted(kind.description),
                kind.status,
                kind.category,
                kind.retry
            );
        }
    }
    if specs.is_empty() {
        out.push_str("\ncodes: {}\n");
    } else {
        out.push_str("\ncodes:\n");
    }
    for spec in &specs {
        write_code(&mut out, shape, spec);
    }
    // One documented body of a code the catalog does not list, as the seed catalogs have.
    out.push_str("\nexamples:\n");
    out.push_str(
        "  - description: \"A code the catalog does not list\"\n    status: 500\n    body:\n",
    );
    let unknown_body = match shape {
        Shape::Vivamo => vec![("message", quoted("Internal server error"))],
        _ => vec![
            ("code", "internal_failure".to_owned()),
            ("message", quoted("An unexpected error occurred.")),
        ],
    };
    write_body(&mut out, shape, &unknown_body, "      ");
    out
}

fn write_code(out: &mut String, shape: Shape, spec: &CodeSpec) {
    let _ = writeln!(out, "  {}:", spec.key);
    if let Some(kind) = spec.error_type {
        let _ = writeln!(out, "    type: {}", kind.wire);
    }
    let _ = writeln!(out, "    status: {}", spec.status);
    let _ = writeln!(out, "    message: {}", quoted(&spec.message));
    let _ = writeln!(out, "    description: {}", quoted(&spec.description));
    let _ = writeln!(out, "    user_message: {}", quoted(&spec.user_message));
    if let Some(fix) = &spec.fix {
        let _ = writeln!(out, "    fix: {}", quoted(fix));
    }
    let _ = writeln!(out, "    category: {}", spec.category);
    let _ = writeln!(out, "    retry: {}", spec.retry);
    if spec.example {
        out.push_str("    examples:\n");
        let _ = writeln!(
            out,
            "      - description: {}\n        status: {}\n        body:",
            quoted(&format!("A documented {} response", spec.status)),
            spec.status
        );
        write_body(out, shape, &example_body(shape, spec), "          ");
    }
}

/// The slots of an example body, as YAML scalars, in the envelope's order.
fn example_body(shape: Shape, spec: &CodeSpec) -> Vec<(&'static str, String)> {
    let message = if shape.identifies_by_message() {
        spec.message.clone()
    } else {
        format!("{}: {}", spec.param, spec.message)
    };
    let mut body = Vec::new();
    for (slot, _) in shape.slots() {
        let value = match *slot {
            "code" => spec.key.clone(),
            "message" => quoted(&message),
            "type" => match spec.error_type {
                Some(kind) => kind.wire.to_owned(),
                None => continue,
            },
            "param" | "field" => spec.param.to_owned(),
            "details" => quoted(&spec.description),
            "request_id" => format!(
                "req_{:08x}",
                mix(spec.status as u64 ^ spec.key.len() as u64) as u32
            ),
            "metadata" => format!("{{{}: {}}}", spec.param, quoted("additional context")),
            "retry_after" if spec.status == 429 => "30".to_owned(),
            "errors" if spec.status == 400 => format!(
                "[{{isNotEmpty: {}}}]",
                quoted(&format!("{} should not be empty", spec.param))
            ),
            _ => continue,
        };
        body.push((*slot, value));
    }
    body
}

/// Writes `slots` as a body: flat, or under the nesting key. Slot words are mapped to their
/// rendered wire names.
fn write_body(out: &mut String, shape: Shape, slots: &[(&'static str, String)], indent: &str) {
    let mut inner = indent.to_owned();
    if let Some(key) = shape.nested_under() {
        let _ = writeln!(out, "{indent}{key}:");
        inner.push_str("  ");
    }
    for (slot, value) in slots {
        let name = shape
            .slots()
            .iter()
            .find(|(candidate, _)| candidate == slot)
            .and_then(|(_, names)| names.first())
            .copied()
            .unwrap_or(slot);
        let _ = writeln!(out, "{inner}{name}: {value}");
    }
}

/// How many codes each shape gets out of `total`: an even split, the remainder to the first.
fn split(total: usize) -> [usize; 5] {
    let mut counts = [total / 5; 5];
    for count in counts.iter_mut().take(total % 5) {
        *count += 1;
    }
    counts
}

/// One catalog per shape, `(provider module name, YAML)`, whose codes sum to `total`. The module
/// names are the seed catalogs' (`vivamo`, `licensekey`, ...).
pub fn catalogs(total: usize) -> Vec<(String, String)> {
    Shape::ALL
        .iter()
        .zip(split(total))
        .map(|(shape, codes)| {
            (
                shape.seed().to_owned(),
                catalog_yaml(*shape, shape.seed(), codes),
            )
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The hand-written crate
// ---------------------------------------------------------------------------------------------

/// A Rust string literal.
fn lit(text: &str) -> String {
    format!("{text:?}")
}

fn category_variant(word: &str) -> &'static str {
    match word {
        "authentication" => "Authentication",
        "permission" => "Permission",
        "validation" => "Validation",
        "not_found" => "NotFound",
        "conflict" => "Conflict",
        "rate_limited" => "RateLimited",
        "provider_unavailable" => "ProviderUnavailable",
        "internal" => "Internal",
        "business_rule" => "BusinessRule",
        _ => "Unknown",
    }
}

fn retry_variant(word: &str) -> &'static str {
    match word {
        "backoff" => "Backoff",
        "retry_after" => "AfterRetryAfter",
        "refresh_credentials" => "RefreshCredentials",
        "same_idempotency_key" => "SameIdempotencyKey",
        _ => "Never",
    }
}

/// The files `(relative path, contents)` of a complete library crate, `handwritten-<total>`,
/// equivalent to what errcat generates for [`catalogs`]`(total)`, written the way a developer
/// does without a catalog: per provider a serde + strum `Code` enum with a rename per variant and
/// a `#[serde(other)]` catch-all, the facts as `match`es, a serde body that keeps unknown keys
/// (`#[serde(flatten)]`), and a thiserror `Error`.
pub fn handwritten_crate(total: usize) -> Vec<(String, String)> {
    let catalogs: Vec<(Shape, &'static str, usize)> = Shape::ALL
        .iter()
        .zip(split(total))
        .map(|(shape, codes)| (*shape, shape.seed(), codes))
        .collect();
    let mut files = Vec::new();
    files.push((
        "Cargo.toml".to_owned(),
        format!(
            "[package]\n\
             name = \"handwritten-{total}\"\n\
             version = \"0.1.0\"\n\
             edition = \"2021\"\n\
             description = \"Hand-written errors of {total} synthetic codes (errcat-benches).\"\n\
             publish = false\n\
             \n\
             [dependencies]\n\
             serde = {{ version = \"1\", features = [\"derive\"] }}\n\
             serde_json = \"1\"\n\
             strum = {{ version = \"0.28\", features = [\"derive\"] }}\n\
             thiserror = \"2\"\n"
        ),
    ));
    let mut lib = String::new();
    let _ = writeln!(
        lib,
        "//! Hand-written errors of {total} synthetic codes across five providers: what a developer \
         writes instead of errcat catalogs.\n"
    );
    for (_, module, _) in &catalogs {
        let _ = writeln!(lib, "pub mod {module};");
    }
    lib.push_str(HANDWRITTEN_COMMON);
    files.push(("src/lib.rs".to_owned(), lib));
    for (shape, module, codes) in catalogs {
        files.push((
            format!("src/{module}.rs"),
            handwritten_module(shape, &code_specs(shape, codes)),
        ));
    }
    files
}

/// The types every provider module shares.
const HANDWRITTEN_COMMON: &str = r#"
use serde::{Deserialize, Serialize};

/// The kind of an error, the same for every provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Authentication,
    Permission,
    Validation,
    NotFound,
    Conflict,
    RateLimited,
    ProviderUnavailable,
    Internal,
    BusinessRule,
    Unknown,
}

impl Category {
    /// The message to show an end user when the code has none.
    pub fn default_user_message(self) -> &'static str {
        match self {
            Category::Authentication => "We couldn't verify your access. Please sign in again.",
            Category::Permission => "You don't have permission to do that.",
            Category::Validation => "Please check your information and try again.",
            Category::NotFound => "We couldn't find what you were looking for.",
            Category::Conflict => "This can't be done right now because of its current state.",
            Category::RateLimited => "Too many requests. Please try again later.",
            Category::ProviderUnavailable => "The service is temporarily unavailable. Please try again later.",
            Category::Internal => "Something went wrong. Please try again.",
            Category::BusinessRule => "This request can't be completed.",
            Category::Unknown => "An error occurred. Please try again.",
        }
    }
}

/// What a client should do about an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Retry {
    Never,
    Backoff,
    AfterRetryAfter,
    RefreshCredentials,
    SameIdempotencyKey,
}

/// A body that is not an error of the provider.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("the error body is not valid JSON of the expected shape: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0} is not an HTTP error status")]
    Status(u16),
}
"#;

/// Groups `items` by a key, keeping the first appearance order of keys.
fn grouped<'a, K: PartialEq + Copy>(
    items: impl Iterator<Item = (K, &'a str)>,
) -> Vec<(K, Vec<&'a str>)> {
    let mut groups: Vec<(K, Vec<&'a str>)> = Vec::new();
    for (key, name) in items {
        match groups.iter_mut().find(|(existing, _)| *existing == key) {
            Some((_, names)) => names.push(name),
            None => groups.push((key, vec![name])),
        }
    }
    groups
}

/// `match self { A | B => value, ... }` arms, `Code::`-qualified.
fn grouped_arms(out: &mut String, groups: &[(String, Vec<&str>)]) {
    for (value, names) in groups {
        out.push_str("            ");
        for (position, name) in names.iter().enumerate() {
            if position > 0 {
                out.push_str(" | ");
            }
            let _ = write!(out, "Code::{name}");
        }
        let _ = writeln!(out, " => {value},");
    }
}

fn handwritten_module(shape: Shape, specs: &[CodeSpec]) -> String {
    let name = format!("Synthetic {}", shape.seed_name());
    let typed = !shape.types().is_empty();
    let mut out = String::with_capacity(2000 + specs.len() * 800);
    let _ = writeln!(
        out,
        "//! {name}: {} codes, written by hand.\n\n\
         use serde::{{Deserialize, Serialize}};\n\
         use serde_json::{{Map, Value}};\n\n\
         use crate::{{Category, DecodeError, Retry}};\n",
        specs.len()
    );

    // The code enum.
    let _ = writeln!(
        out,
        "/// An error code of {name}.\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr, strum::EnumIter)]\n\
         pub enum Code {{"
    );
    for spec in specs {
        let _ = writeln!(
            out,
            "    /// {}\n    #[serde(rename = {wire})]\n    #[strum(serialize = {wire})]\n    {},",
            spec.message,
            spec.rust,
            wire = lit(&spec.wire)
        );
    }
    out.push_str(
        "    /// Any code this crate does not list (its text is lost).\n    #[serde(other)]\n    #[strum(serialize = \"unknown\")]\n    Unknown,\n}\n\n",
    );

    // The facts.
    out.push_str("impl Code {\n");
    out.push_str(
        "    /// The code a wire string names.\n    pub fn from_wire(wire: &str) -> Code {\n        wire.parse().unwrap_or(Code::Unknown)\n    }\n\n",
    );
    out.push_str(
        "    /// The wire string.\n    pub fn as_str(self) -> &'static str {\n        self.into()\n    }\n\n",
    );
    let method = |out: &mut String, doc: &str, signature: &str| {
        let _ = writeln!(
            out,
            "    /// {doc}\n    pub fn {signature} {{\n        match self {{"
        );
    };
    let close = |out: &mut String| out.push_str("        }\n    }\n\n");

    method(&mut out, "The HTTP status.", "status(self) -> u16");
    let groups: Vec<(String, Vec<&str>)> =
        grouped(specs.iter().map(|spec| (spec.status, spec.rust.as_str())))
            .into_iter()
            .map(|(status, names)| (status.to_string(), names))
            .collect();
    grouped_arms(&mut out, &groups);
    out.push_str("            Code::Unknown => 500,\n");
    close(&mut out);

    method(
        &mut out,
        "The developer message.",
        "message(self) -> &'static str",
    );
    for spec in specs {
        let _ = writeln!(
            out,
            "            Code::{} => {},",
            spec.rust,
            lit(&spec.message)
        );
    }
    out.push_str("            Code::Unknown => \"Unknown error.\",\n");
    close(&mut out);

    method(
        &mut out,
        "When it happens.",
        "description(self) -> Option<&'static str>",
    );
    for spec in specs {
        let _ = writeln!(
            out,
            "            Code::{} => Some({}),",
            spec.rust,
            lit(&spec.description)
        );
    }
    out.push_str("            Code::Unknown => None,\n");
    close(&mut out);

    method(
        &mut out,
        "A message safe to show an end user.",
        "user_message(self) -> &'static str",
    );
    for spec in specs {
        let _ = writeln!(
            out,
            "            Code::{} => {},",
            spec.rust,
            lit(&spec.user_message)
        );
    }
    out.push_str("            Code::Unknown => Category::Unknown.default_user_message(),\n");
    close(&mut out);

    method(
        &mut out,
        "What to do about it.",
        "fix(self) -> Option<&'static str>",
    );
    for spec in specs {
        if let Some(fix) = &spec.fix {
            let _ = writeln!(
                out,
                "            Code::{} => Some({}),",
                spec.rust,
                lit(fix)
            );
        }
    }
    out.push_str("            _ => None,\n");
    close(&mut out);

    method(&mut out, "What a client should do.", "retry(self) -> Retry");
    let groups: Vec<(String, Vec<&str>)> = grouped(
        specs
            .iter()
            .map(|spec| (retry_variant(spec.retry), spec.rust.as_str())),
    )
    .into_iter()
    .map(|(variant, names)| (format!("Retry::{variant}"), names))
    .collect();
    grouped_arms(&mut out, &groups);
    out.push_str("            Code::Unknown => Retry::Never,\n");
    close(&mut out);

    method(
        &mut out,
        "The cross-provider category.",
        "category(self) -> Category",
    );
    let groups: Vec<(String, Vec<&str>)> = grouped(
        specs
            .iter()
            .map(|spec| (category_variant(spec.category), spec.rust.as_str())),
    )
    .into_iter()
    .map(|(variant, names)| (format!("Category::{variant}"), names))
    .collect();
    grouped_arms(&mut out, &groups);
    out.push_str("            Code::Unknown => Category::Unknown,\n");
    close(&mut out);

    if typed {
        method(
            &mut out,
            "The provider's error type.",
            "error_type(self) -> Option<ErrorType>",
        );
        let groups: Vec<(String, Vec<&str>)> = grouped(
            specs
                .iter()
                .filter_map(|spec| Some((spec.error_type?.rust, spec.rust.as_str()))),
        )
        .into_iter()
        .map(|(variant, names)| (format!("Some(ErrorType::{variant})"), names))
        .collect();
        grouped_arms(&mut out, &groups);
        out.push_str("            _ => None,\n");
        close(&mut out);
    }
    // Drop the blank line after the last method.
    out.truncate(out.trim_end().len());
    out.push_str("\n}\n\n");
    out.push_str(
        "impl std::fmt::Display for Code {\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        f.write_str(self.as_str())\n    }\n}\n\n",
    );

    // The error types.
    if typed {
        let _ = writeln!(
            out,
            "/// The broad class of an error.\n\
             #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumString, strum::IntoStaticStr, strum::EnumIter)]\n\
             #[serde(rename_all = \"snake_case\")]\n\
             #[strum(serialize_all = \"snake_case\")]\n\
             pub enum ErrorType {{"
        );
        for kind in shape.types() {
            let _ = writeln!(out, "    /// {}\n    {},", kind.description, kind.rust);
        }
        out.push_str("    /// Any other type.\n    #[serde(other)]\n    Unknown,\n}\n\n");
    }

    // The status table.
    out.push_str(
        "/// The provider's meaning of an HTTP status.\npub fn status_meaning(status: u16) -> Option<&'static str> {\n    match status {\n",
    );
    for row in shape.statuses() {
        let _ = writeln!(out, "        {} => Some({}),", row.status, lit(row.meaning));
    }
    out.push_str("        _ => None,\n    }\n}\n\n");
    out.push_str("fn status_category(status: u16) -> Category {\n    match status {\n");
    for row in shape.statuses() {
        let _ = writeln!(
            out,
            "        {} => Category::{},",
            row.status,
            category_variant(row.category)
        );
    }
    out.push_str("        _ => Category::Unknown,\n    }\n}\n\n");
    out.push_str("fn status_retry(status: u16) -> Retry {\n    match status {\n");
    for row in shape.statuses() {
        let _ = writeln!(
            out,
            "        {} => Retry::{},",
            row.status,
            retry_variant(row.retry)
        );
    }
    out.push_str("        _ => Retry::Never,\n    }\n}\n\n");

    // The body.
    let _ = writeln!(
        out,
        "/// The error object, keeping unknown keys.\n\
         #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n\
         pub struct Body {{"
    );
    for (slot, names) in shape.slots() {
        let field = if *slot == "type" { "error_type" } else { slot };
        let (ty, required) = match *slot {
            "code" => ("Code", true),
            "message" => ("String", true),
            "type" if typed => ("Option<ErrorType>", false),
            "metadata" => ("Option<Map<String, Value>>", false),
            "retry_after" => ("Option<u64>", false),
            "errors" => ("Option<Vec<Value>>", false),
            _ => ("Option<String>", false),
        };
        let mut attributes = Vec::new();
        if names[0] != field {
            attributes.push(format!("rename = {}", lit(names[0])));
        }
        for alias in &names[1..] {
            attributes.push(format!("alias = {}", lit(alias)));
        }
        if !required {
            attributes.push("default, skip_serializing_if = \"Option::is_none\"".to_owned());
        }
        if !attributes.is_empty() {
            let _ = writeln!(out, "    #[serde({})]", attributes.join(", "));
        }
        let _ = writeln!(out, "    pub {field}: {ty},");
    }
    out.push_str("    #[serde(flatten)]\n    pub extra: Map<String, Value>,\n}\n\n");
    let body_path = match shape.nested_under() {
        Some(key) => {
            let _ = writeln!(
                out,
                "/// The whole body: the error object under `{key}`, and the keys beside it.\n\
                 #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]\n\
                 pub struct Envelope {{\n    pub {key}: Body,\n    #[serde(flatten)]\n    pub outer: Map<String, Value>,\n}}\n"
            );
            format!("body.{key}")
        }
        None => "body".to_owned(),
    };
    let body_type = if shape.nested_under().is_some() {
        "Envelope"
    } else {
        "Body"
    };

    // The error.
    let code_of = if shape.identifies_by_message() {
        format!("Code::from_wire(&self.{body_path}.message)")
    } else {
        format!("self.{body_path}.code")
    };
    let display = if shape.identifies_by_message() {
        format!("#[error(\"{{}} ({{}})\", .{body_path}.message, .status)]")
    } else {
        format!("#[error(\"{{}} ({{}}): {{}}\", .{body_path}.code, .status, .{body_path}.message)]")
    };
    let _ = writeln!(
        out,
        "/// One error response of {name}.\n\
         #[derive(Clone, Debug, PartialEq, thiserror::Error)]\n\
         {display}\n\
         pub struct Error {{\n    pub status: u16,\n    pub body: {body_type},\n}}\n"
    );
    // `Error::new`'s body: every slot, indented for where it goes.
    let fields_indent = if shape.nested_under().is_some() {
        20
    } else {
        16
    };
    let mut new_fields = String::new();
    for (slot, _) in shape.slots() {
        let field = if *slot == "type" { "error_type" } else { slot };
        let value = match *slot {
            "code" => "code",
            "message" => "code.message().to_owned()",
            "type" if typed => "code.error_type()",
            _ => "None",
        };
        if field == value {
            let _ = writeln!(new_fields, "{:fields_indent$}{field},", "");
        } else {
            let _ = writeln!(new_fields, "{:fields_indent$}{field}: {value},", "");
        }
    }
    let _ = writeln!(new_fields, "{:fields_indent$}extra: Map::new(),", "");
    let new_body = match shape.nested_under() {
        Some(key) => format!(
            "Envelope {{\n                {key}: Body {{\n{new_fields}                }},\n                outer: Map::new(),\n            }}"
        ),
        None => format!("Body {{\n{new_fields}            }}"),
    };
    let _ = writeln!(
        out,
        "impl Error {{\n\
         \x20   /// The error a code stands for, with its status and message.\n\
         \x20   pub fn new(code: Code) -> Error {{\n\
         \x20       Error {{\n\
         \x20           status: code.status(),\n\
         \x20           body: {new_body},\n\
         \x20       }}\n\
         \x20   }}\n\n\
         \x20   /// Decodes a response.\n\
         \x20   pub fn decode(status: u16, body: &[u8]) -> Result<Error, DecodeError> {{\n\
         \x20       if !(400..=599).contains(&status) {{\n\
         \x20           return Err(DecodeError::Status(status));\n\
         \x20       }}\n\
         \x20       Ok(Error {{\n\
         \x20           status,\n\
         \x20           body: serde_json::from_slice(body)?,\n\
         \x20       }})\n\
         \x20   }}\n\n\
         \x20   /// The body as JSON.\n\
         \x20   pub fn to_json(&self) -> Result<String, serde_json::Error> {{\n\
         \x20       serde_json::to_string(&self.body)\n\
         \x20   }}\n\n\
         \x20   /// The code.\n\
         \x20   pub fn code(&self) -> Code {{\n\
         \x20       {code_of}\n\
         \x20   }}\n\n\
         \x20   /// The message the body carried.\n\
         \x20   pub fn message(&self) -> &str {{\n\
         \x20       &self.{body_path}.message\n\
         \x20   }}\n\n\
         \x20   /// What a client should do: the code's advice, else the status table's.\n\
         \x20   pub fn retry(&self) -> Retry {{\n\
         \x20       match self.code() {{\n\
         \x20           Code::Unknown => status_retry(self.status),\n\
         \x20           code => code.retry(),\n\
         \x20       }}\n\
         \x20   }}\n\n\
         \x20   /// The category: the code's, else the status table's.\n\
         \x20   pub fn category(&self) -> Category {{\n\
         \x20       match self.code() {{\n\
         \x20           Code::Unknown => status_category(self.status),\n\
         \x20           code => code.category(),\n\
         \x20       }}\n\
         \x20   }}\n\n\
         \x20   /// A message safe to show an end user.\n\
         \x20   pub fn user_message(&self) -> &'static str {{\n\
         \x20       match self.code() {{\n\
         \x20           Code::Unknown => self.category().default_user_message(),\n\
         \x20           code => code.user_message(),\n\
         \x20       }}\n\
         \x20   }}\n\
         }}"
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn count_codes(yaml: &str) -> usize {
        yaml.lines()
            .filter(|line| {
                let key = line.trim_end_matches(':');
                line.starts_with("  ")
                    && !line.starts_with("   ")
                    && line.ends_with(':')
                    && (key.trim().starts_with("synthetic_error_")
                        || key.trim().starts_with("SYNTHETIC_ERROR_"))
            })
            .count()
    }

    fn load(shape: Shape, codes: usize) -> errcat_codegen::plan::Provider {
        let yaml = catalog_yaml(shape, shape.seed(), codes);
        match errcat_codegen::load_catalog("synthetic.yaml", yaml.as_bytes(), shape.seed()) {
            Ok(provider) => provider,
            Err(problems) => {
                let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
                panic!(
                    "{shape:?} with {codes} codes has problems:\n{}\n---\n{yaml}",
                    shown.join("\n")
                )
            }
        }
    }

    #[test]
    fn every_shape_loads_without_diagnostics_and_has_exactly_its_codes() {
        for shape in Shape::ALL {
            for codes in [0, 1, 2, 9, 10, 11, 137] {
                let provider = load(shape, codes);
                assert_eq!(provider.codes.len(), codes, "{shape:?}");
                assert_eq!(provider.module, shape.seed());
                assert_eq!(provider.types.len(), shape.types().len(), "{shape:?}");
                assert_eq!(provider.statuses.len(), shape.statuses().len(), "{shape:?}");
                // An example on every 10th code, plus the catalog-level one.
                assert_eq!(provider.examples.len(), codes.div_ceil(10) + 1, "{shape:?}");
            }
        }
    }

    #[test]
    fn catalogs_generate_through_the_build_script_api() {
        let dir =
            std::env::temp_dir().join(format!("errcat-synthetic-test-{}", std::process::id()));
        let catalog = dir.join("catalog");
        let out = dir.join("out");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&catalog).expect("create catalog dir");
        std::fs::create_dir_all(&out).expect("create out dir");
        let total = 1003;
        let written = catalogs(total);
        for (module, yaml) in &written {
            std::fs::write(catalog.join(format!("{module}.yaml")), yaml).expect("write catalog");
        }
        let generated = errcat_codegen::Config::new()
            .catalog_dir(&catalog)
            .out_dir(&out)
            .emit_rerun_if_changed(false)
            .compile();
        let generated = match generated {
            Ok(generated) => generated,
            Err(failure) => panic!("{failure}"),
        };
        let modules: Vec<&str> = generated.iter().map(|g| g.module.as_str()).collect();
        assert_eq!(
            modules,
            [
                "licensekey",
                "vaultspay",
                "verification",
                "vivamo",
                "vrp_billing"
            ]
        );
        let codes: usize = generated.iter().map(|g| g.provider.codes.len()).sum();
        assert_eq!(codes, total);
        assert!(out.join(errcat_codegen::config::INDEX_FILE).is_file());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn codes_split_to_the_total() {
        for total in [0, 1, 4, 5, 6, 99, 100, 1000, 10_001] {
            let sum: usize = catalogs(total)
                .iter()
                .map(|(_, yaml)| count_codes(yaml))
                .sum();
            assert_eq!(sum, total);
            let counts = split(total);
            assert!(counts.iter().max().unwrap_or(&0) - counts.iter().min().unwrap_or(&0) <= 1);
        }
    }

    #[test]
    fn output_is_deterministic() {
        for shape in Shape::ALL {
            assert_eq!(catalog_yaml(shape, "p", 250), catalog_yaml(shape, "p", 250));
        }
        assert_eq!(catalogs(321), catalogs(321));
        assert_eq!(handwritten_crate(321), handwritten_crate(321));
        // Codes do not depend on how many follow them.
        let short = catalog_yaml(Shape::Vaultspay, "p", 20);
        let long = catalog_yaml(Shape::Vaultspay, "p", 30);
        let codes = |yaml: &str| yaml.split("\ncodes:\n").nth(1).map(str::to_owned);
        let short_codes = codes(&short).unwrap_or_default();
        let short_codes = short_codes
            .split("\nexamples:\n")
            .next()
            .unwrap_or_default();
        assert!(codes(&long).unwrap_or_default().starts_with(short_codes));
    }

    #[test]
    fn facts_vary_like_a_real_catalog() {
        for shape in Shape::ALL {
            let specs = code_specs(shape, 500);
            let statuses: std::collections::BTreeSet<u16> =
                specs.iter().map(|spec| spec.status).collect();
            assert!(statuses.len() >= shape.statuses().len().min(3), "{shape:?}");
            let categories: std::collections::BTreeSet<&str> =
                specs.iter().map(|spec| spec.category).collect();
            assert!(categories.len() >= 3, "{shape:?}");
            let messages: std::collections::BTreeSet<&str> =
                specs.iter().map(|spec| spec.message.as_str()).collect();
            assert_eq!(
                messages.len(),
                specs.len(),
                "{shape:?}: messages are distinct"
            );
            for spec in &specs {
                assert!(shape.statuses().iter().any(|row| row.status == spec.status));
                for text in [&spec.message, &spec.description, &spec.user_message] {
                    assert!(!text.contains(['"', '\\', '\n']), "{text}");
                }
            }
        }
    }

    #[test]
    fn handwritten_crate_has_every_code() {
        let files = handwritten_crate(1000);
        let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "Cargo.toml",
                "src/lib.rs",
                "src/vivamo.rs",
                "src/licensekey.rs",
                "src/vrp_billing.rs",
                "src/vaultspay.rs",
                "src/verification.rs"
            ]
        );
        let renames: usize = files
            .iter()
            .map(|(_, text)| text.matches("    #[serde(rename = \"").count())
            .sum();
        // Every code, plus `type` in two bodies and `retryAfter` in the verification body.
        assert_eq!(renames, 1000 + 3);
        for (path, text) in &files {
            let opens = text.matches('{').count();
            let closes = text.matches('}').count();
            if path.ends_with(".rs") {
                assert_eq!(opens, closes, "{path}: braces balance");
            }
        }
        let manifest = &files[0].1;
        assert!(manifest.contains("name = \"handwritten-1000\""));
        // The paths the build bench writes to are relative.
        assert!(files
            .iter()
            .all(|(path, _)| !PathBuf::from(path).is_absolute()));
    }
}
