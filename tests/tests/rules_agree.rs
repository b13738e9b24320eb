//! The code generator cannot depend on the runtime crate, so the few rules both need exist in
//! each (`errcat_codegen::model` for docs and diffs, `errcat` at run time). They must agree; and
//! the wire tables the generator builds must be the ones the runtime searches.

use errcat_codegen::model;

#[test]
fn status_defaults_and_user_messages_agree() {
    for status in 0..1000u16 {
        let runtime = errcat::Category::for_status(status);
        let build = model::Category::for_status(status).map_or("unknown", model::Category::as_str);
        assert_eq!(runtime.as_str(), build, "category of {status}");
        assert_eq!(
            errcat::RetryAdvice::for_status(status).as_str(),
            model::RetryAdvice::for_status(status).as_str(),
            "retry of {status}"
        );
    }
    for category in errcat::Category::ALL {
        let build = model::Category::from_word(category.as_str());
        assert_eq!(
            category.default_user_message(),
            model::Category::default_user_message(build),
            "{category}"
        );
    }
    let words: Vec<&str> = model::Category::ALL
        .iter()
        .map(|category| category.as_str())
        .collect();
    let runtime: Vec<&str> = errcat::Category::ALL
        .iter()
        .map(|category| category.as_str())
        .filter(|word| *word != "unknown")
        .collect();
    assert_eq!(words, runtime);
    let advice: Vec<&str> = model::RetryAdvice::ALL
        .iter()
        .map(|advice| advice.as_str())
        .collect();
    let runtime: Vec<&str> = errcat::RetryAdvice::ALL
        .iter()
        .map(|advice| advice.as_str())
        .collect();
    assert_eq!(advice, runtime);
    let slots: Vec<&str> = model::Slot::ALL.iter().map(|slot| slot.as_str()).collect();
    let runtime: Vec<&str> = errcat::wire::Slot::ALL
        .iter()
        .map(|slot| slot.as_str())
        .collect();
    assert_eq!(slots, runtime);
}

#[test]
fn wire_tables_built_by_the_generator_are_found_by_the_runtime() {
    use errcat::wire::WireTable;
    use errcat_codegen::wire_table;

    for count in [1, 10, 1000, 10_000] {
        let names: Vec<&'static str> = (0..count)
            .map(|index| &*String::leak(format!("synthetic_error_{index}")))
            .collect();
        let parts = wire_table::build(&names);
        let table = WireTable {
            seed: parts.seed,
            displacements: Vec::leak(parts.displacements),
            slots: Vec::leak(parts.slots),
            names: Vec::leak(names.clone()),
        };
        for (index, name) in names.iter().enumerate() {
            assert_eq!(table.find(name), Some(index), "{name}");
        }
        assert_eq!(table.find("synthetic_error_"), None);
        assert_eq!(table.find(&format!("synthetic_error_{count}")), None);
    }
}
