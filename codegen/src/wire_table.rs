//! Perfect-hash tables of wire strings: computed here (with the `errcat-table` crate's builder,
//! which the runtime's `errcat::wire::WireTable` shares), so that `Code::from_wire` and the body
//! decoder find a code with one hash and one comparison whatever the catalog's size.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

pub use errcat_table::{build, WireTableParts, EMPTY_SLOT};

/// The `::errcat::wire::WireTable` literal of `names`.
pub(crate) fn table_expr(names: &[&str]) -> TokenStream {
    let WireTableParts {
        seed,
        displacements,
        slots,
    } = build(names);
    let seed = Literal::u64_unsuffixed(seed);
    let displacements = displacements.into_iter().map(Literal::u32_unsuffixed);
    let slots = slots.into_iter().map(Literal::u32_unsuffixed);
    quote! {
        ::errcat::wire::WireTable {
            seed: #seed,
            displacements: &[#(#displacements),*],
            slots: &[#(#slots),*],
            names: &[#(#names),*],
        }
    }
}
