//! Tests of `errcat_cli::diff`: semver classification of catalog changes.
//!
//! Each directory `tests/diff/<case>/` holds `old.yaml` and `new.yaml`, two small catalogs that
//! differ in one thing (or, for `mixed`, a few); [`expectations`] lists the exact changes each
//! pair must give, in order. To add a case, add a directory and its entry.

use std::fs;
use std::path::Path;

use errcat_cli::diff::{
    compare, is_breaking, report, Advice, Change, CodeText, Kind, Section, Severity,
};
use errcat_codegen::load_catalog;
use errcat_codegen::model::{Category, IdentifyBy, RetryAdvice, Slot};
use errcat_codegen::plan::Provider;

use Severity::{Breaking, Compatible};

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &Path, default_provider: &str) -> Provider {
    let source = fs::read(path).unwrap_or_else(|error| panic!("read {}: {error}", path.display()));
    load_catalog(&path.display().to_string(), &source, default_provider).unwrap_or_else(
        |diagnostics| {
            let shown: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("{} does not load:\n{}", path.display(), shown.join("\n"))
        },
    )
}

/// The two catalogs of a case (module `acme_pay` unless the file says otherwise).
fn pair(case: &str) -> (Provider, Provider) {
    let dir = manifest_dir().join("tests/diff").join(case);
    (
        load(&dir.join("old.yaml"), "acme_pay"),
        load(&dir.join("new.yaml"), "acme_pay"),
    )
}

fn s(text: &str) -> String {
    text.to_owned()
}

fn stated(word: &'static str) -> Advice {
    Advice {
        word,
        derived_from: None,
    }
}

fn derived(word: &'static str, status: u16) -> Advice {
    Advice {
        word,
        derived_from: Some(status),
    }
}

/// Every case and the changes it gives, as (severity, kind), in `compare`'s order.
fn expectations() -> Vec<(&'static str, Vec<(Severity, Kind)>)> {
    vec![
        // --- Breaking ---
        (
            "code-removed",
            vec![(
                Breaking,
                Kind::CodeRemoved {
                    wire: s("rate_limited"),
                    ident: s("RateLimited"),
                },
            )],
        ),
        (
            "code-wire-changed",
            vec![(
                Breaking,
                Kind::WireChanged {
                    ident: s("ParameterInvalid"),
                    old: s("parameter_invalid"),
                    new: s("parameter_bad"),
                },
            )],
        ),
        (
            "message-wire-changed",
            vec![(
                Breaking,
                Kind::WireChanged {
                    ident: s("CustomerAlreadyExists"),
                    old: s("This customer already exists"),
                    new: s("This customer already exists."),
                },
            )],
        ),
        (
            "code-renamed",
            vec![(
                Breaking,
                Kind::CodeRenamed {
                    wire: s("parameter_invalid"),
                    old: s("ParameterInvalid"),
                    new: s("BadParameter"),
                },
            )],
        ),
        (
            "status-changed",
            vec![(
                Breaking,
                Kind::StatusChanged {
                    wire: s("card_declined"),
                    old: vec![402],
                    new: vec![400],
                },
            )],
        ),
        (
            // No category or retry anywhere: both follow the status.
            "status-changed-derived",
            vec![
                (
                    Breaking,
                    Kind::StatusChanged {
                        wire: s("rate_limited"),
                        old: vec![429],
                        new: vec![503],
                    },
                ),
                (
                    Breaking,
                    Kind::CategoryChanged {
                        wire: s("rate_limited"),
                        old: derived("rate_limited", 429),
                        new: derived("provider_unavailable", 503),
                    },
                ),
                (
                    Breaking,
                    Kind::RetryChanged {
                        wire: s("rate_limited"),
                        old: derived("retry_after", 429),
                        new: derived("backoff", 503),
                    },
                ),
            ],
        ),
        (
            "type-changed",
            vec![(
                Breaking,
                Kind::TypeChanged {
                    wire: s("parameter_invalid"),
                    old: Some(s("invalid_request_error")),
                    new: Some(s("card_error")),
                },
            )],
        ),
        (
            "category-changed",
            vec![(
                Breaking,
                Kind::CategoryChanged {
                    wire: s("card_declined"),
                    old: stated("business_rule"),
                    new: stated("conflict"),
                },
            )],
        ),
        (
            "retry-changed",
            vec![(
                Breaking,
                Kind::RetryChanged {
                    wire: s("card_declined"),
                    old: stated("never"),
                    new: stated("backoff"),
                },
            )],
        ),
        (
            "type-removed",
            vec![(
                Breaking,
                Kind::TypeRemoved {
                    wire: s("api_error"),
                    ident: s("ApiError"),
                },
            )],
        ),
        (
            "type-renamed",
            vec![(
                Breaking,
                Kind::TypeRenamed {
                    wire: s("card_error"),
                    old: s("CardError"),
                    new: s("Card"),
                },
            )],
        ),
        (
            // The code of that type keeps its (matched) type: no `TypeChanged`.
            "type-wire-changed",
            vec![(
                Breaking,
                Kind::TypeWireChanged {
                    ident: s("InvalidRequestError"),
                    old: s("invalid_request_error"),
                    new: s("request_error"),
                },
            )],
        ),
        (
            "type-defaults-changed",
            vec![
                (
                    Breaking,
                    Kind::TypeStatusChanged {
                        wire: s("api_error"),
                        old: None,
                        new: Some(500),
                    },
                ),
                (
                    Breaking,
                    Kind::TypeCategoryChanged {
                        wire: s("api_error"),
                        old: None,
                        new: Some(Category::Internal),
                    },
                ),
                (
                    Breaking,
                    Kind::TypeRetryChanged {
                        wire: s("api_error"),
                        old: None,
                        new: Some(RetryAdvice::Backoff),
                    },
                ),
            ],
        ),
        (
            "nesting-changed",
            vec![(
                Breaking,
                Kind::NestingChanged {
                    old: Some(s("error")),
                    new: None,
                },
            )],
        ),
        (
            "slot-renamed",
            vec![(
                Breaking,
                Kind::SlotRenamed {
                    slot: Slot::Param,
                    old: s("param"),
                    new: s("parameter"),
                },
            )],
        ),
        (
            "slot-removed",
            vec![(
                Breaking,
                Kind::SlotRemoved {
                    slot: Slot::Param,
                    names: vec![s("param")],
                },
            )],
        ),
        (
            "alias-removed",
            vec![(
                Breaking,
                Kind::AliasRemoved {
                    slot: Slot::Message,
                    alias: s("msg"),
                },
            )],
        ),
        (
            "error-type-accessor-changed",
            vec![
                (Breaking, Kind::ErrorTypeAccessorChanged { typed: true }),
                (
                    Compatible,
                    Kind::TypeAdded {
                        wire: s("invalid_request_error"),
                        ident: s("InvalidRequestError"),
                    },
                ),
            ],
        ),
        (
            // Switching to messages drops the `code` slot and makes every message a wire string.
            "identify-by-changed",
            vec![
                (
                    Breaking,
                    Kind::IdentifyByChanged {
                        old: IdentifyBy::Code,
                        new: IdentifyBy::Message,
                    },
                ),
                (
                    Breaking,
                    Kind::SlotRemoved {
                        slot: Slot::Code,
                        names: vec![s("code")],
                    },
                ),
                (
                    Breaking,
                    Kind::WireChanged {
                        ident: s("CardDeclined"),
                        old: s("card_declined"),
                        new: s("The card was declined."),
                    },
                ),
                (
                    Breaking,
                    Kind::WireChanged {
                        ident: s("ParameterInvalid"),
                        old: s("parameter_invalid"),
                        new: s("A parameter is invalid."),
                    },
                ),
                (
                    Breaking,
                    Kind::WireChanged {
                        ident: s("RateLimited"),
                        old: s("rate_limited"),
                        new: s("Too many requests."),
                    },
                ),
            ],
        ),
        (
            "module-renamed",
            vec![(
                Breaking,
                Kind::ModuleRenamed {
                    old: s("acme_pay"),
                    new: s("acme_payments"),
                },
            )],
        ),
        (
            "status-row-removed",
            vec![(Breaking, Kind::StatusRowRemoved { status: 402 })],
        ),
        (
            "status-category-changed",
            vec![(
                Breaking,
                Kind::StatusCategoryChanged {
                    status: 402,
                    old: stated("business_rule"),
                    new: derived("unknown", 402),
                },
            )],
        ),
        (
            "status-retry-changed",
            vec![(
                Breaking,
                Kind::StatusRetryChanged {
                    status: 402,
                    old: stated("never"),
                    new: stated("backoff"),
                },
            )],
        ),
        // --- Compatible ---
        (
            "code-added",
            vec![(
                Compatible,
                Kind::CodeAdded {
                    wire: s("expired_card"),
                    ident: s("ExpiredCard"),
                },
            )],
        ),
        (
            "type-added",
            vec![(
                Compatible,
                Kind::TypeAdded {
                    wire: s("rate_limit_error"),
                    ident: s("RateLimitError"),
                },
            )],
        ),
        (
            "slot-added",
            vec![(
                Compatible,
                Kind::SlotAdded {
                    slot: Slot::RequestId,
                    names: vec![s("request_id")],
                },
            )],
        ),
        (
            "alias-added",
            vec![(
                Compatible,
                Kind::AliasAdded {
                    slot: Slot::Message,
                    alias: s("msg"),
                },
            )],
        ),
        (
            "slots-reordered",
            vec![(
                Compatible,
                Kind::Reordered {
                    section: Section::Slots,
                },
            )],
        ),
        (
            "message-changed",
            vec![(
                Compatible,
                Kind::CodeTextChanged {
                    wire: s("card_declined"),
                    field: CodeText::Message,
                    old: Some(s("The card was declined.")),
                    new: Some(s("The card was declined by the issuer.")),
                },
            )],
        ),
        (
            "description-changed",
            vec![(
                Compatible,
                Kind::CodeTextChanged {
                    wire: s("card_declined"),
                    field: CodeText::Description,
                    old: Some(s("The issuer declined the authorization.")),
                    new: Some(s("The issuing bank declined the authorization.")),
                },
            )],
        ),
        (
            "user-message-changed",
            vec![(
                Compatible,
                Kind::CodeTextChanged {
                    wire: s("card_declined"),
                    field: CodeText::UserMessage,
                    old: Some(s("Your card was declined.")),
                    new: Some(s("Your card was declined. Please use another card.")),
                },
            )],
        ),
        (
            "fix-added",
            vec![(
                Compatible,
                Kind::CodeTextChanged {
                    wire: s("card_declined"),
                    field: CodeText::Fix,
                    old: None,
                    new: Some(s("Use another card.")),
                },
            )],
        ),
        (
            "endpoints-changed",
            vec![(
                Compatible,
                Kind::EndpointsChanged {
                    wire: s("card_declined"),
                    old: vec![s("Create payment")],
                    new: vec![s("Create payment"), s("Capture payment")],
                },
            )],
        ),
        (
            "status-meaning-changed",
            vec![(
                Compatible,
                Kind::StatusMeaningChanged {
                    status: 400,
                    old: s("Bad Request: the request is malformed."),
                    new: s("Bad Request: the request is malformed or invalid."),
                },
            )],
        ),
        (
            "status-row-added",
            vec![(Compatible, Kind::StatusRowAdded { status: 404 })],
        ),
        (
            "example-added",
            vec![(
                Compatible,
                Kind::ExampleAdded {
                    code: Some(s("parameter_invalid")),
                    description: None,
                    status: 400,
                },
            )],
        ),
        (
            "example-removed",
            vec![(
                Compatible,
                Kind::ExampleRemoved {
                    code: Some(s("card_declined")),
                    description: Some(s("A declined card")),
                    status: 402,
                },
            )],
        ),
        (
            // An example has no identity: a changed one is the old one removed, the new one added.
            "example-changed",
            vec![
                (
                    Compatible,
                    Kind::ExampleRemoved {
                        code: Some(s("card_declined")),
                        description: Some(s("A declined card")),
                        status: 402,
                    },
                ),
                (
                    Compatible,
                    Kind::ExampleAdded {
                        code: Some(s("card_declined")),
                        description: Some(s("A card declined by its issuer")),
                        status: 402,
                    },
                ),
            ],
        ),
        (
            "name-changed",
            vec![(
                Compatible,
                Kind::NameChanged {
                    old: s("Acme Pay"),
                    new: s("Acme Payments"),
                },
            )],
        ),
        (
            "provider-description-changed",
            vec![(
                Compatible,
                Kind::ProviderDescriptionChanged {
                    old: Some(s("Acme Pay nests every error under `error`.")),
                    new: None,
                },
            )],
        ),
        (
            "type-description-changed",
            vec![(
                Compatible,
                Kind::TypeDescriptionChanged {
                    wire: s("card_error"),
                },
            )],
        ),
        (
            "codes-reordered",
            vec![(
                Compatible,
                Kind::Reordered {
                    section: Section::Codes,
                },
            )],
        ),
        (
            // The same word, now stated instead of derived: only the rustdoc changes.
            "category-stated",
            vec![(
                Compatible,
                Kind::CategoryChanged {
                    wire: s("rate_limited"),
                    old: derived("rate_limited", 429),
                    new: stated("rate_limited"),
                },
            )],
        ),
        // --- Several at once ---
        (
            "mixed",
            vec![
                (
                    Breaking,
                    Kind::SlotRemoved {
                        slot: Slot::Param,
                        names: vec![s("param")],
                    },
                ),
                (
                    Breaking,
                    Kind::StatusChanged {
                        wire: s("card_declined"),
                        old: vec![402],
                        new: vec![400],
                    },
                ),
                (
                    Compatible,
                    Kind::CodeTextChanged {
                        wire: s("card_declined"),
                        field: CodeText::Fix,
                        old: Some(s("Use another card.")),
                        new: Some(s("Use another card, or ask the issuer why.")),
                    },
                ),
                (
                    Breaking,
                    Kind::RetryChanged {
                        wire: s("rate_limited"),
                        old: derived("retry_after", 429),
                        new: stated("backoff"),
                    },
                ),
                (
                    Compatible,
                    Kind::CodeAdded {
                        wire: s("expired_card"),
                        ident: s("ExpiredCard"),
                    },
                ),
            ],
        ),
    ]
}

/// The case directories, sorted.
fn case_dirs() -> Vec<String> {
    let dir = manifest_dir().join("tests/diff");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("read {}: {error}", dir.display()))
        .map(|entry| entry.expect("directory entry"))
        .filter(|entry| entry.path().is_dir())
        .map(|entry| entry.file_name().into_string().expect("a UTF-8 name"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_case_gives_exactly_its_changes() {
    let mut failures = Vec::new();
    for (case, expected) in expectations() {
        let (old, new) = pair(case);
        let changes = compare(&old, &new);
        let got: Vec<(Severity, Kind)> = changes
            .iter()
            .map(|change| (change.severity, change.kind.clone()))
            .collect();
        if got != expected {
            failures.push(format!(
                "{case}:\n  expected {expected:#?}\n  got {got:#?}\n{}",
                report(&changes)
            ));
        }
        let breaking = expected.iter().any(|(severity, _)| *severity == Breaking);
        if is_breaking(&changes) != breaking {
            failures.push(format!("{case}: is_breaking should be {breaking}"));
        }
        for change in &changes {
            if change.severity != change.kind.severity()
                || *change != Change::new(change.kind.clone())
            {
                failures.push(format!(
                    "{case}: {change:?} is not `Change::new` of its kind"
                ));
            }
        }
        // Each version equals itself, and going back is a change too.
        for (which, provider) in [("old", &old), ("new", &new)] {
            let same = compare(provider, provider);
            if !same.is_empty() {
                failures.push(format!("{case}: {which} vs itself:\n{}", report(&same)));
            }
        }
        if compare(&new, &old).is_empty() {
            failures.push(format!("{case}: new → old reports no change"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_case_directory_has_expectations() {
    let mut listed: Vec<String> = expectations()
        .into_iter()
        .map(|(case, _)| case.to_owned())
        .collect();
    listed.sort();
    assert_eq!(case_dirs(), listed);
}

#[test]
fn mixed_report_lists_breaking_changes_first() {
    let (old, new) = pair("mixed");
    let text = report(&compare(&old, &new));
    assert_eq!(
        text,
        "\
breaking: envelope slot `param` removed (wire key `param`; its accessors disappear)
breaking: code `card_declined` status 402 → 400
breaking: code `rate_limited` retry `retry_after` (derived from 429) → `backoff`
compatible: code `card_declined` fix changed
compatible: code `expired_card` added (`Code::ExpiredCard`)
5 changes: 3 breaking, 2 compatible
"
    );
}

#[test]
fn report_of_compatible_and_of_no_changes() {
    let (old, new) = pair("code-added");
    let changes = compare(&old, &new);
    assert!(!is_breaking(&changes));
    assert_eq!(
        report(&changes),
        "compatible: code `expired_card` added (`Code::ExpiredCard`)\n1 change: 0 breaking, 1 compatible\n"
    );
    assert!(!is_breaking(&[]));
    assert_eq!(report(&[]), "no changes\n");
}

/// The seed catalogs in `catalog/`, with their module names.
fn real_catalogs() -> Vec<Provider> {
    let dir = manifest_dir().join("../catalog");
    let files = errcat_codegen::Config::new()
        .catalog_dir(&dir)
        .catalog_files()
        .unwrap_or_else(|failure| panic!("{failure}"));
    files
        .iter()
        .map(|path| {
            let stem = path
                .file_stem()
                .and_then(|stem| stem.to_str())
                .expect("a UTF-8 name");
            load(path, stem)
        })
        .collect()
}

#[test]
fn real_catalogs_equal_themselves() {
    let catalogs = real_catalogs();
    assert!(catalogs.len() >= 5, "expected the five seed catalogs");
    for catalog in &catalogs {
        let changes = compare(catalog, catalog);
        assert!(
            changes.is_empty(),
            "{}:\n{}",
            catalog.module,
            report(&changes)
        );
        assert_eq!(report(&changes), "no changes\n");
    }
}

#[test]
fn two_different_real_catalogs_compare_as_breaking() {
    let catalogs = real_catalogs();
    for old in &catalogs {
        for new in catalogs.iter().filter(|new| new.module != old.module) {
            let changes = compare(old, new);
            assert!(is_breaking(&changes), "{} → {}", old.module, new.module);
            assert_eq!(
                changes[0].kind,
                Kind::ModuleRenamed {
                    old: old.module.clone(),
                    new: new.module.clone(),
                }
            );
            let text = report(&changes);
            assert!(text.starts_with("breaking: module"), "{text}");
        }
    }
}
