//! Property tests: random error bodies of every provider round-trip exactly, and random catalogs
//! either load into code that parses and formats identically twice, or give diagnostics.

mod common;

use common::Catalog;
use errcat::wire::Slot;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any JSON value, unicode strings included, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e9f64..1.0e9).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// A value for one slot: usually of the slot's type, sometimes anything (kept as an extra key).
fn slot_value(slot: Slot) -> BoxedStrategy<Value> {
    let typed: BoxedStrategy<Value> = match slot {
        Slot::Metadata => prop::collection::btree_map(any::<String>(), json_value(), 0..3)
            .prop_map(|map| Value::Object(map.into_iter().collect()))
            .boxed(),
        Slot::RetryAfter => any::<u64>().prop_map(Value::from).boxed(),
        Slot::Errors => prop::collection::vec(json_value(), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        Slot::Subcode => prop_oneof![
            any::<String>().prop_map(Value::String),
            any::<i64>().prop_map(Value::from),
        ]
        .boxed(),
        _ => any::<String>().prop_map(Value::String).boxed(),
    };
    prop_oneof![4 => typed, 1 => json_value()].boxed()
}

/// A random body in `C`'s envelope: a code (listed or not) under one of the envelope's names,
/// random optional slots, random unknown keys, and for nested envelopes random outer keys.
fn body<C: Catalog>() -> impl Strategy<Value = Value> {
    let envelope = C::envelope();
    let wires: Vec<String> = C::all()
        .iter()
        .map(|code| C::wire(code).to_owned())
        .collect();
    let identifying = if envelope.spec(Slot::Code).is_some() {
        Slot::Code
    } else {
        Slot::Message
    };
    // The identifying value: a listed wire string, any string, a listed wire string or any
    // number as a JSON integer (codes may be integers), or nothing usable (absent, null, a float),
    // which only a catalog with fallbacks decodes.
    let integers: Vec<Value> = wires
        .iter()
        .filter_map(|wire| wire.parse::<i64>().ok().map(Value::from))
        .chain([Value::from(0)])
        .collect();
    let code_slot = identifying == Slot::Code;
    let identity = prop_oneof![
        6 => prop::sample::select(wires).prop_map(|wire| Some(Value::String(wire))),
        3 => any::<String>().prop_map(|text| Some(Value::String(text))),
        2 => prop::sample::select(integers).prop_map(move |number| Some(if code_slot { number } else { Value::Null })),
        1 => any::<i64>().prop_map(move |number| Some(if code_slot { Value::from(number) } else { Value::Null })),
        1 => Just(None),
        1 => Just(Some(Value::Null)),
        1 => Just(Some(Value::from(1.5))),
    ];
    let slots: Vec<BoxedStrategy<Option<(String, Value)>>> = envelope
        .keys
        .iter()
        .filter(|spec| spec.slot != identifying)
        .map(|spec| {
            let names = spec.names.to_vec();
            proptest::option::of(
                (prop::sample::select(names), slot_value(spec.slot))
                    .prop_map(|(name, value)| (name.to_owned(), value)),
            )
            .boxed()
        })
        .collect();
    let known: Vec<&str> = envelope
        .keys
        .iter()
        .flat_map(|spec| spec.names.iter().copied())
        .collect();
    let extra = prop::collection::btree_map("[a-z_]{1,12}|\\PC{1,8}", json_value(), 0..3).prop_map(
        move |map| {
            map.into_iter()
                .filter(|(key, _)| !known.contains(&key.as_str()))
                .collect::<Vec<_>>()
        },
    );
    let outer = prop::collection::btree_map("[a-z]{1,8}", json_value(), 0..2);
    let identifying_name = envelope
        .spec(identifying)
        .and_then(|spec| spec.names.first())
        .copied()
        .unwrap_or("code");
    (identity, slots, extra, outer).prop_map(move |(identity, slots, extra, outer)| {
        let mut object = Map::new();
        if let Some(identity) = identity {
            object.insert(identifying_name.to_owned(), identity);
        }
        for (name, value) in slots.into_iter().flatten() {
            object.insert(name, value);
        }
        for (key, value) in extra {
            object.insert(key, value);
        }
        match envelope.nested_under {
            Some(key) => {
                let mut top: Map<String, Value> =
                    outer.into_iter().filter(|(name, _)| name != key).collect();
                top.insert(key.to_owned(), Value::Object(object));
                Value::Object(top)
            }
            None => Value::Object(object),
        }
    })
}

/// Whether a body carries what identifies its error: a string (or, for codes, an integer) under
/// a name of the identifying slot.
fn has_identity<C: Catalog>(body: &Value) -> bool {
    let envelope = C::envelope();
    let object = match envelope.nested_under {
        Some(key) => body.get(key),
        None => Some(body),
    };
    let (slot, integers) = match envelope.spec(Slot::Code) {
        Some(_) => (Slot::Code, true),
        None => (Slot::Message, false),
    };
    let names = envelope
        .spec(slot)
        .map(|spec| spec.names)
        .unwrap_or_default();
    names
        .iter()
        .any(|name| match object.and_then(|object| object.get(*name)) {
            Some(Value::String(_)) => true,
            Some(Value::Number(number)) => integers && (number.is_i64() || number.is_u64()),
            _ => false,
        })
}

fn round_trips<C: Catalog>() {
    let config = ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    };
    proptest!(config, |(value in body::<C>(), status in prop_oneof![400u16..600, 200u16..300])| {
        let bytes = serde_json::to_vec(&value).unwrap();
        let decoded = match C::decode(status, &bytes) {
            Ok(decoded) => decoded,
            // Only a body without a usable code (or text) may fail, and only as `MissingField`
            // (a catalog with fallbacks decodes it too).
            Err(error) => {
                prop_assert!(
                    matches!(error.kind(), errcat::DecodeErrorKind::MissingField { .. }),
                    "{}: {error}",
                    C::MODULE
                );
                prop_assert!(!has_identity::<C>(&value), "{}: {error}", C::MODULE);
                return Ok(());
            }
        };
        let rendered = C::to_json(&decoded);
        prop_assert_eq!(&serde_json::from_slice::<Value>(&rendered).unwrap(), &value);
        prop_assert_eq!(C::decode(status, &rendered).unwrap(), decoded);
    });
}

#[test]
fn random_bodies_of_every_provider_round_trip_exactly() {
    each_catalog!(round_trips);
}

/// The values of every string literal in `tokens`, at any depth.
fn string_literals(tokens: proc_macro2::TokenStream) -> std::collections::HashSet<String> {
    let mut found = std::collections::HashSet::new();
    for token in tokens {
        match token {
            proc_macro2::TokenTree::Literal(literal) => {
                if let Ok(text) = syn::parse_str::<syn::LitStr>(&literal.to_string()) {
                    found.insert(text.value());
                }
            }
            proc_macro2::TokenTree::Group(group) => found.extend(string_literals(group.stream())),
            proc_macro2::TokenTree::Ident(_) | proc_macro2::TokenTree::Punct(_) => {}
        }
    }
    found
}

/// A random catalog: wire codes and texts drawn from hostile alphabets.
fn catalog_text() -> impl Strategy<Value = String> {
    let wire = "[a-zA-Z_][a-zA-Z0-9_ .-]{0,10}|\\PC{1,6}";
    let text = "\\PC{0,20}";
    let codes = prop::collection::vec((wire, text, 100u16..700, prop::option::of(text)), 1..6);
    (codes, prop::bool::ANY).prop_map(|(codes, nested)| {
        let quote = |text: &str| serde_json::to_string(text).unwrap();
        let mut yaml = String::from("name: Random\nenvelope:\n");
        if nested {
            yaml.push_str("  nested_under: error\n");
        }
        yaml.push_str("  keys:\n    code: code\n    message: message\nstatuses:\n  400: {meaning: Bad}\ncodes:\n");
        for (wire, message, status, fix) in codes {
            yaml.push_str(&format!("  {}:\n    status: {status}\n    message: {}\n", quote(&wire), quote(&message)));
            if let Some(fix) = fix {
                yaml.push_str(&format!("    fix: {}\n", quote(&fix)));
            }
        }
        yaml
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_catalogs_expand_to_code_that_formats_identically_twice(yaml in catalog_text()) {
        match errcat_codegen::load_catalog("catalog/random.yaml", yaml.as_bytes(), "random") {
            Ok(provider) => {
                let first = errcat_codegen::emit::format_file(errcat_codegen::expand::provider(&provider), "x").unwrap();
                let second = errcat_codegen::emit::format_file(errcat_codegen::expand::provider(&provider), "x").unwrap();
                prop_assert_eq!(&first, &second);
                prop_assert!(syn::parse_file(&first).is_ok());
                // Every catalog text is in the output as a string literal holding exactly it.
                let literals = string_literals(first.parse().unwrap());
                for code in &provider.codes {
                    prop_assert!(literals.contains(&code.wire), "{:?}", code.wire);
                    prop_assert!(literals.contains(&code.message), "{:?}", code.message);
                    if let Some(fix) = &code.fix {
                        prop_assert!(literals.contains(fix), "{:?}", fix);
                    }
                }
            }
            Err(diagnostics) => {
                prop_assert!(!diagnostics.is_empty());
                prop_assert!(diagnostics.iter().all(|d| d.position.is_some() && !d.message.is_empty()));
            }
        }
    }
}

/// A random error object of a list item or a further shape: a code (listed, any, absent), a
/// message, and random unknown keys.
fn item(
    code_key: &'static str,
    message_key: &'static str,
    codes: Vec<&'static str>,
) -> impl Strategy<Value = Value> {
    let code = prop_oneof![
        3 => prop::sample::select(codes).prop_map(|code| Some(Value::from(code))),
        1 => any::<String>().prop_map(|code| Some(Value::from(code))),
        1 => Just(None),
    ];
    let extra = prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..2);
    (code, proptest::option::of(any::<String>()), extra).prop_map(move |(code, message, extra)| {
        let mut object: Map<String, Value> = extra
            .into_iter()
            .filter(|(key, _)| key != code_key && key != message_key)
            .collect();
        if let Some(code) = code {
            object.insert(code_key.to_owned(), code);
        }
        if let Some(message) = message {
            object.insert(message_key.to_owned(), Value::from(message));
        }
        Value::Object(object)
    })
}

#[test]
fn random_list_bodies_round_trip_with_every_item() {
    use errcat_tests::listed::{Error, ENVELOPE};
    let codes: Vec<&'static str> = ENVELOPE.codes.names.to_vec();
    let body = (
        prop::collection::vec(item("code", "detail", codes), 0..4),
        prop::collection::btree_map("[a-z]{1,6}", json_value(), 0..2),
    )
        .prop_map(|(items, outer)| {
            let mut object: Map<String, Value> = outer
                .into_iter()
                .filter(|(key, _)| key != "errors")
                .collect();
            object.insert("errors".to_owned(), Value::Array(items));
            Value::Object(object)
        });
    let config = ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    };
    proptest!(config, |(value in body, status in prop_oneof![400u16..600, 200u16..300])| {
        let bytes = serde_json::to_vec(&value).unwrap();
        // `identify_by: [code, status]`: every list decodes, empty or not, coded or not.
        let decoded = Error::decode(status, &bytes).unwrap();
        let items = value["errors"].as_array().unwrap();
        prop_assert_eq!(decoded.items().len(), items.len());
        let rendered = decoded.to_json();
        prop_assert_eq!(&serde_json::from_slice::<Value>(&rendered).unwrap(), &value);
        prop_assert_eq!(Error::decode(status, &rendered).unwrap(), decoded);
    });
}

#[test]
fn random_bodies_of_every_shape_round_trip_in_their_shape() {
    use errcat_tests::shapes::{Error, ENVELOPE};
    let codes: Vec<&'static str> = ENVELOPE.codes.names.to_vec();
    let body = prop_oneof![
        item("name", "message", codes.clone()),
        item("error", "error_description", codes.clone()),
        prop::collection::vec(item("name", "message", codes), 1..3).prop_map(|items| {
            let mut object = Map::new();
            object.insert("errors".to_owned(), Value::Array(items));
            Value::Object(object)
        }),
    ];
    let config = ProptestConfig {
        cases: 200,
        ..ProptestConfig::default()
    };
    proptest!(config, |(value in body, status in 400u16..600)| {
        let bytes = serde_json::to_vec(&value).unwrap();
        match Error::decode(status, &bytes) {
            Ok(decoded) => {
                let rendered = decoded.to_json();
                prop_assert_eq!(&serde_json::from_slice::<Value>(&rendered).unwrap(), &value);
                let again = Error::decode(status, &rendered).unwrap();
                prop_assert_eq!(again.shape(), decoded.shape());
                prop_assert_eq!(again, decoded);
            }
            // No shape names an error in a body without any code: it fails as the main shape.
            Err(error) => prop_assert!(
                matches!(error.kind(), errcat::DecodeErrorKind::MissingField { .. }),
                "{error}"
            ),
        }
    });
}
