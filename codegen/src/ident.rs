//! The one place that turns catalog strings into Rust identifiers.

use heck::{
    ToKebabCase, ToLowerCamelCase, ToShoutyKebabCase, ToShoutySnakeCase, ToSnakeCase,
    ToUpperCamelCase,
};

/// The module name of the generated index file (`errcat_providers.rs`): no provider may take it
/// as its module name.
pub const INDEX_MODULE: &str = "errcat_providers";

/// The `rename_all` rules a derived enum may use for its default codes.
pub const RENAME_RULES: &[&str] = &[
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
    "camelCase",
    "PascalCase",
    "lowercase",
    "UPPERCASE",
];

/// A variant name in the case of `rule` (one of [`RENAME_RULES`]): the default wire code of a
/// derived enum's variant (`CardDeclined` → `card_declined` under `snake_case`).
///
/// # Example
///
/// ```
/// use errcat_codegen::ident::rename;
///
/// assert_eq!(rename("CardDeclined", "snake_case").as_deref(), Some("card_declined"));
/// assert_eq!(rename("CardDeclined", "SCREAMING-KEBAB-CASE").as_deref(), Some("CARD-DECLINED"));
/// assert_eq!(rename("CardDeclined", "Title Case"), None); // not a rule
/// ```
pub fn rename(variant: &str, rule: &str) -> Option<String> {
    Some(match rule {
        "snake_case" => variant.to_snake_case(),
        "SCREAMING_SNAKE_CASE" => variant.to_shouty_snake_case(),
        "kebab-case" => variant.to_kebab_case(),
        "SCREAMING-KEBAB-CASE" => variant.to_shouty_kebab_case(),
        "camelCase" => variant.to_lower_camel_case(),
        "PascalCase" => variant.to_upper_camel_case(),
        "lowercase" => variant.to_lowercase(),
        "UPPERCASE" => variant.to_uppercase(),
        _ => return None,
    })
}

/// The name reserved for the catch-all variant of generated enums.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// Why a string cannot name a Rust item.
///
/// # Example
///
/// ```
/// use errcat_codegen::ident::{module_name, IdentProblem};
///
/// assert_eq!(module_name("!!!"), Err(IdentProblem::Empty));
/// assert!(matches!(module_name("3ds"), Err(IdentProblem::StartsWithDigit(_))));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdentProblem {
    /// Nothing is left after case conversion (no letters or digits).
    Empty,
    /// The name starts with a digit.
    StartsWithDigit(String),
    /// The name is a Rust keyword.
    Keyword(String),
    /// The name has characters Rust identifiers cannot contain.
    NotAnIdentifier(String),
    /// The name is taken by the catch-all variant.
    Reserved(String),
    /// The name has characters outside ASCII. rustc's default lints flag some of those
    /// (`uncommon_codepoints` for characters NFKC changes, `confusable_idents`,
    /// `mixed_script_confusables`) and the generated crates deny warnings, so every name errcat
    /// emits is ASCII: a wire string with other characters needs a `rust_name`.
    NotAscii(String),
    /// An explicit variant name that is not UpperCamelCase (the generated crate denies the
    /// `non_camel_case_types` warning); holds the suggested spelling.
    NotUpperCamelCase(String),
}

impl IdentProblem {
    /// What is wrong, for a diagnostic.
    pub fn describe(&self, source: &str) -> String {
        match self {
            IdentProblem::Empty => format!("`{source}` gives an empty Rust name"),
            IdentProblem::StartsWithDigit(name) => {
                format!("`{source}` gives the Rust name `{name}`, which starts with a digit")
            }
            IdentProblem::Keyword(name) => {
                format!("`{source}` gives the Rust name `{name}`, which is a Rust keyword")
            }
            IdentProblem::NotAnIdentifier(name) => {
                format!("`{source}` gives `{name}`, which is not a Rust identifier")
            }
            IdentProblem::Reserved(name) => format!(
                "`{source}` gives the Rust name `{name}`, which is reserved for values the catalog does not list"
            ),
            IdentProblem::NotAscii(name) => format!(
                "`{source}` gives the Rust name `{name}`, which has characters outside ASCII (rustc flags look-alike and uncommon characters in names)"
            ),
            IdentProblem::NotUpperCamelCase(suggestion) => {
                format!("`{source}` is not an UpperCamelCase variant name (write `{suggestion}`)")
            }
        }
    }
}

/// The enum variant name for a wire string: UpperCamelCase via heck
/// (`RATE_LIMIT_EXCEEDED` → `RateLimitExceeded`). A name that would start with a digit (integer
/// codes such as `21211`, codes such as `3ds_required`) starts with `digit_prefix` instead
/// (`E21211`, `E3dsRequired` for codes).
///
/// # Example
///
/// ```
/// use errcat_codegen::ident::{variant_name, IdentProblem};
///
/// assert_eq!(variant_name("RATE_LIMIT_EXCEEDED", "E").as_deref(), Ok("RateLimitExceeded"));
/// assert_eq!(variant_name("21211", "E").as_deref(), Ok("E21211"));
/// assert_eq!(variant_name("self", "E"), Err(IdentProblem::Keyword("Self".into())));
/// ```
pub fn variant_name(source: &str, digit_prefix: &str) -> Result<String, IdentProblem> {
    let mut name = snake_to_upper_camel(source).unwrap_or_else(|| source.to_upper_camel_case());
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, digit_prefix);
    }
    if name == UNKNOWN_VARIANT {
        return Err(IdentProblem::Reserved(name));
    }
    checked(name)
}

/// `to_upper_camel_case` for the commonest shape of wire codes, `snake_case` or
/// `SCREAMING_SNAKE_CASE` with digits (`card_declined` → `CardDeclined`), without heck's pass
/// through `char` iterators (this runs for every code, often in an unoptimized build script).
/// `None` for any other text, which heck converts.
fn snake_to_upper_camel(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let lower = bytes
        .iter()
        .all(|byte| matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'_'));
    let upper = bytes
        .iter()
        .all(|byte| matches!(byte, b'A'..=b'Z' | b'0'..=b'9' | b'_'));
    if !lower && !upper {
        return None;
    }
    let mut name = String::with_capacity(source.len());
    for word in source.split('_').filter(|word| !word.is_empty()) {
        let (first, rest) = word.split_at(1);
        name.push_str(&first.to_ascii_uppercase());
        name.push_str(&rest.to_ascii_lowercase());
    }
    Some(name)
}

/// A variant name written explicitly in a catalog (`rust_name`): used as is, checked.
///
/// # Example
///
/// ```
/// use errcat_codegen::ident::explicit_variant_name;
///
/// assert_eq!(explicit_variant_name("ThreeDSecureRequired").as_deref(), Ok("ThreeDSecureRequired"));
/// assert!(explicit_variant_name("three ds").is_err());
/// ```
pub fn explicit_variant_name(name: &str) -> Result<String, IdentProblem> {
    if name == UNKNOWN_VARIANT {
        return Err(IdentProblem::Reserved(name.to_owned()));
    }
    let name = checked(name.to_owned())?;
    let camel = name.to_upper_camel_case();
    if camel != name {
        return Err(IdentProblem::NotUpperCamelCase(camel));
    }
    Ok(name)
}

/// The variant of `AnyProviderError` for a provider's module: UpperCamelCase via heck
/// (`vrp_billing` → `VrpBilling`). Two modules can give one variant (`a1`, `a_1`), which the
/// build refuses.
///
/// # Example
///
/// ```
/// assert_eq!(errcat_codegen::ident::any_provider_variant("vrp_billing"), "VrpBilling");
/// ```
pub fn any_provider_variant(module: &str) -> String {
    module.to_upper_camel_case()
}

/// The module name for a provider: snake_case via heck (`VRP Billing` → `vrp_billing`).
///
/// # Example
///
/// ```
/// use errcat_codegen::ident::module_name;
///
/// assert_eq!(module_name("VRP Billing").as_deref(), Ok("vrp_billing"));
/// assert!(module_name("type").is_err()); // a keyword
/// ```
pub fn module_name(source: &str) -> Result<String, IdentProblem> {
    checked(source.to_snake_case())
}

fn checked(name: String) -> Result<String, IdentProblem> {
    let Some(first) = name.chars().next() else {
        return Err(IdentProblem::Empty);
    };
    if first.is_ascii_digit() {
        return Err(IdentProblem::StartsWithDigit(name));
    }
    if name == "_" {
        return Err(IdentProblem::NotAnIdentifier(name));
    }
    if !name.is_ascii() {
        return Err(IdentProblem::NotAscii(name));
    }
    match syn::parse_str::<syn::Ident>(&name) {
        Ok(_) => Ok(name),
        Err(_) if is_keyword(&name) => Err(IdentProblem::Keyword(name)),
        Err(_) => Err(IdentProblem::NotAnIdentifier(name)),
    }
}

fn is_keyword(name: &str) -> bool {
    // `syn` rejects keywords and non-identifiers alike; a keyword is what parses as a raw
    // identifier once prefixed with `r#` (or is one of the few that cannot be raw).
    matches!(name, "self" | "Self" | "super" | "crate" | "_")
        || syn::parse_str::<syn::Ident>(&format!("r#{name}")).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_shortcut_agrees_with_heck() {
        let mut samples: Vec<String> = [
            "card_declined",
            "ERROR_B00001",
            "__a__b__",
            "_",
            "",
            "2fa_required",
            "a1b2_c3",
            "insufficient_funds_2",
            "X",
            "x",
            "RATE_LIMIT",
            "v2_api_error",
        ]
        .iter()
        .map(|sample| (*sample).to_owned())
        .collect();
        // Every string of up to four characters over a small alphabet of each case.
        for alphabet in [&b"a0_"[..], &b"Z9_"[..]] {
            let mut strings = vec![String::new()];
            for _ in 0..4 {
                strings = strings
                    .iter()
                    .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{}", *c as char)))
                    .collect();
                samples.extend(strings.iter().cloned());
            }
        }
        for sample in samples {
            assert_eq!(
                snake_to_upper_camel(&sample),
                Some(sample.to_upper_camel_case()),
                "{sample:?}"
            );
        }
        assert_eq!(snake_to_upper_camel("cardDeclined"), None);
        assert_eq!(snake_to_upper_camel("card-declined"), None);
    }

    #[test]
    fn converts_wire_strings() {
        assert_eq!(
            variant_name("RATE_LIMIT_EXCEEDED", "E").unwrap(),
            "RateLimitExceeded"
        );
        assert_eq!(
            variant_name("invalid_api_key", "E").unwrap(),
            "InvalidApiKey"
        );
        assert_eq!(variant_name("card-declined", "E").unwrap(), "CardDeclined");
        assert_eq!(module_name("VRP Billing").unwrap(), "vrp_billing");
    }

    #[test]
    fn renames_variants() {
        assert_eq!(
            rename("CardDeclined", "snake_case").as_deref(),
            Some("card_declined")
        );
        assert_eq!(
            rename("CardDeclined", "SCREAMING_SNAKE_CASE").as_deref(),
            Some("CARD_DECLINED")
        );
        assert_eq!(
            rename("CardDeclined", "kebab-case").as_deref(),
            Some("card-declined")
        );
        assert_eq!(
            rename("CardDeclined", "camelCase").as_deref(),
            Some("cardDeclined")
        );
        assert_eq!(
            rename("CardDeclined", "lowercase").as_deref(),
            Some("carddeclined")
        );
        assert_eq!(rename("CardDeclined", "Title Case"), None);
        for rule in RENAME_RULES {
            assert!(rename("A", rule).is_some(), "{rule}");
        }
    }

    #[test]
    fn names_starting_with_a_digit_take_the_prefix() {
        assert_eq!(variant_name("21211", "E").unwrap(), "E21211");
        assert_eq!(variant_name("010", "E").unwrap(), "E010");
        assert_eq!(variant_name("3ds_required", "E").unwrap(), "E3dsRequired");
        assert_eq!(variant_name("100", "T").unwrap(), "T100");
        // A sign is not part of a name: `-1` and `1` meet, and validation reports it.
        assert_eq!(variant_name("-1", "E").unwrap(), "E1");
        assert_eq!(variant_name("ERROR_1", "E").unwrap(), "Error1");
    }

    #[test]
    fn rejects_what_cannot_be_a_name() {
        assert_eq!(
            explicit_variant_name("1001"),
            Err(IdentProblem::StartsWithDigit("1001".into()))
        );
        assert_eq!(
            variant_name("self", "E"),
            Err(IdentProblem::Keyword("Self".into()))
        );
        assert_eq!(
            variant_name("UNKNOWN", "E"),
            Err(IdentProblem::Reserved("Unknown".into()))
        );
        assert_eq!(variant_name("!!!", "E"), Err(IdentProblem::Empty));
        assert_eq!(
            module_name("type"),
            Err(IdentProblem::Keyword("type".into()))
        );
        assert_eq!(
            module_name("match"),
            Err(IdentProblem::Keyword("match".into()))
        );
        assert!(explicit_variant_name("Has Space").is_err());
        assert_eq!(explicit_variant_name("CardKind"), Ok("CardKind".into()));
        assert_eq!(
            explicit_variant_name("card_kind"),
            Err(IdentProblem::NotUpperCamelCase("CardKind".into()))
        );
    }
}
