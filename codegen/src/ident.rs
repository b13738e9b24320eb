//! The one place that turns catalog strings into Rust identifiers.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// The name reserved for the catch-all variant of generated enums.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// Why a string cannot name a Rust item.
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
            IdentProblem::NotUpperCamelCase(suggestion) => {
                format!("`{source}` is not an UpperCamelCase variant name (write `{suggestion}`)")
            }
        }
    }
}

/// The enum variant name for a wire string: UpperCamelCase via heck
/// (`RATE_LIMIT_EXCEEDED` → `RateLimitExceeded`).
pub fn variant_name(source: &str) -> Result<String, IdentProblem> {
    let name = source.to_upper_camel_case();
    if name == UNKNOWN_VARIANT {
        return Err(IdentProblem::Reserved(name));
    }
    checked(name)
}

/// A variant name written explicitly in a catalog (`rust_name`): used as is, checked.
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

/// The module name for a provider: snake_case via heck (`VRP Billing` → `vrp_billing`).
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
    fn converts_wire_strings() {
        assert_eq!(
            variant_name("RATE_LIMIT_EXCEEDED").unwrap(),
            "RateLimitExceeded"
        );
        assert_eq!(variant_name("invalid_api_key").unwrap(), "InvalidApiKey");
        assert_eq!(variant_name("card-declined").unwrap(), "CardDeclined");
        assert_eq!(module_name("VRP Billing").unwrap(), "vrp_billing");
    }

    #[test]
    fn rejects_what_cannot_be_a_name() {
        assert_eq!(
            variant_name("1001"),
            Err(IdentProblem::StartsWithDigit("1001".into()))
        );
        assert_eq!(
            variant_name("self"),
            Err(IdentProblem::Keyword("Self".into()))
        );
        assert_eq!(
            variant_name("UNKNOWN"),
            Err(IdentProblem::Reserved("Unknown".into()))
        );
        assert_eq!(variant_name("!!!"), Err(IdentProblem::Empty));
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
