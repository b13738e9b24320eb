//! A new catalog with every key shown and explained (`errcat new`).

/// The text of a new catalog for `provider` (its module name). It is valid as written: it
/// loads without diagnostics, so a new provider starts from a green build.
///
/// `provider` must be a provider name `check` accepts (a snake_case Rust module name, not a
/// keyword, not `errcat_providers`); anything else is refused with what to write instead. Such a
/// name needs no quoting in YAML, so it is written into the template as it is.
///
/// # Example
///
/// ```
/// let text = errcat_cli::scaffold::catalog("acme_pay")?;
/// // The scaffold is a valid catalog as written.
/// let provider = errcat_codegen::load_catalog("acme_pay.yaml", text.as_bytes(), "acme_pay")
///     .expect("the scaffold loads");
/// assert_eq!(provider.module, "acme_pay");
/// assert!(errcat_cli::scaffold::catalog("Acme Pay").is_err()); // not a module name
/// # Ok::<(), String>(())
/// ```
pub fn catalog(provider: &str) -> Result<String, String> {
    let index = errcat_codegen::config::INDEX_MODULE;
    match errcat_codegen::ident::module_name(provider) {
        Ok(module) if module == provider && module != index => {
            Ok(TEMPLATE.replace("{provider}", provider))
        }
        Ok(module) if module == index => Err(format!(
            "`{provider}` is the name of the file that includes every provider: choose another"
        )),
        Ok(module) => Err(format!(
            "{provider:?} is not a provider name (a snake_case Rust module name): try `{module}`"
        )),
        Err(problem) => Err(format!(
            "{} is not a provider name: {}",
            format_args!("{provider:?}"),
            problem.describe(provider)
        )),
    }
}

const TEMPLATE: &str = r#"# yaml-language-server: $schema=./catalog.schema.json
# The error catalog of {provider}. The format: catalog/README.md.

provider: {provider}      # the Rust module name (default: the file name)
name: "{provider}"        # the provider's display name
description: >-           # about the provider's errors: becomes the module's documentation
  What the provider's error responses look like, in its own words.
identify_by: code         # `code`: bodies carry a code; `message`: only an exact message text

envelope:
  nested_under: error     # the body is {"error": {...}}; remove for a flat body
  keys:                   # slot: wire key name (or a list of names); also the render order
    code: code
    message: message
    type: type            # remove the slots the provider does not send:
    param: param          #   type, param, field, details, request_id,
    request_id: request_id  # metadata, retry_after, errors

statuses:                 # the provider's HTTP error statuses
  400:
    meaning: "Bad Request — the request is malformed or invalid."
    category: validation  # for codes not in this catalog seen with this status
    retry: never
  500:
    meaning: "Internal Server Error — something went wrong on the provider's side."
    category: internal
    retry: backoff

types:                    # broad classes of codes, if the provider has them (else remove)
  invalid_request:
    description: "The request is malformed or invalid."
    status: 400           # the default status of its codes
    category: validation  # the default category of its codes
    retry: never          # the default retry advice of its codes

codes:                    # every documented error; the key is the wire code
  invalid_parameter:
    type: invalid_request
    status: 400           # optional when the type has a status
    message: "A parameter is invalid."     # the developer message
    description: "When a parameter fails validation."
    user_message: "Please check your information and try again."  # safe for end users
    fix: "Correct the parameter named in `param` and send the request again."
    retry: never          # never | backoff | retry_after | refresh_credentials | same_idempotency_key
    category: validation  # authentication | permission | validation | not_found | conflict |
                          # rate_limited | provider_unavailable | internal | business_rule
    endpoints: ["POST /v1/things"]
    examples:             # documented bodies: each must decode to this code
      - status: 400
        body:
          error:
            code: invalid_parameter
            message: "A parameter is invalid."
            type: invalid_request
            param: amount
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn names_check_would_refuse_are_refused_before_any_yaml_is_written() {
        for name in [
            "a #b",
            "a\nprovider: evil",
            "type",
            "Acme Pay",
            "",
            "2fa",
            "errcat_providers",
            "çafé",
        ] {
            let refused = super::catalog(name).expect_err(name);
            assert!(
                refused.contains("provider name") || refused.contains("choose another"),
                "{refused}"
            );
        }
        assert!(super::catalog("Acme Pay")
            .unwrap_err()
            .contains("try `acme_pay`"));
    }

    #[test]
    fn a_new_catalog_is_valid() {
        let text = super::catalog("acme_pay").unwrap();
        let provider =
            errcat_codegen::load_catalog("catalog/acme_pay.yaml", text.as_bytes(), "acme_pay")
                .unwrap_or_else(|problems| panic!("{problems:?}"));
        assert_eq!(provider.module, "acme_pay");
        assert_eq!(provider.codes.len(), 1);
        assert_eq!(provider.examples.len(), 1);
    }
}
