//! Perfect-hash tables of wire strings: computed here (with the `errcat-table` crate's builder,
//! which the runtime's `errcat::wire::WireTable` shares), so that `Code::from_wire` and the body
//! decoder find a code with one hash and one comparison whatever the catalog's size.

use crate::text;

pub use errcat_table::{build, WireTableParts, EMPTY_SLOT};

/// Appends the `::errcat::wire::WireTable` literal of `names` as source text, its fields at
/// `indent` plus four spaces.
pub(crate) fn table_text(out: &mut String, indent: &str, names: &[&str]) {
    let WireTableParts {
        seed,
        displacements,
        slots,
    } = build(names);
    let field = format!("{indent}    ");
    out.push_str(&format!(
        "::errcat::wire::WireTable {{\n{field}seed: {seed},\n{field}displacements: "
    ));
    text::number_array(out, &field, &displacements);
    out.push_str(&format!(",\n{field}slots: "));
    text::number_array(out, &field, &slots);
    out.push_str(&format!(",\n{field}names: "));
    text::array(out, &field, names, |out, name| text::str_literal(out, name));
    out.push_str(&format!(",\n{indent}}}"));
}
