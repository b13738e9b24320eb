//! Perfect-hash tables of wire strings, computed when the code is generated.
//!
//! A table maps each of its `n` names to its index with one hash and one string comparison,
//! whatever `n` is: the name hashes to a bucket, the bucket's displacement (chosen by the code
//! generator so that no two names collide) moves it to a slot, and the slot holds the index of the
//! only name that can be there. A string that is not in the table lands on an empty slot or on a
//! name that differs from it. The scheme itself (hash, bucket, slot, and the builder) is the
//! `errcat-table` crate, shared with the code generator.

use errcat_table::{bucket, hash, slot};

pub use errcat_table::EMPTY_SLOT;

/// A table of wire strings (the codes or types of one catalog), searchable in constant time.
///
/// # Example
///
/// ```
/// use errcat::wire::WireTable;
///
/// // Generated code holds tables as statics; errcat-table computes them at build time.
/// let names: &'static [&'static str] = &["card_declined", "expired_card"];
/// let parts = errcat_table::build(names);
/// let table = WireTable {
///     seed: parts.seed,
///     displacements: parts.displacements.leak(),
///     slots: parts.slots.leak(),
///     names,
/// };
/// assert_eq!(table.find("expired_card"), Some(1));
/// assert_eq!(table.find("unknown"), None);
/// assert_eq!(table.name(0), Some("card_declined"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WireTable {
    /// The seed of [`hash`] that makes the table collision-free.
    pub seed: u64,
    /// Per bucket, the displacement that places its names.
    pub displacements: &'static [u32],
    /// Per slot, the index of the name placed there, or [`EMPTY_SLOT`].
    pub slots: &'static [u32],
    /// The names, in catalog order: a name's index is its position here.
    pub names: &'static [&'static str],
}

impl WireTable {
    /// A table with no names.
    pub const EMPTY: WireTable = WireTable {
        seed: 0,
        displacements: &[],
        slots: &[],
        names: &[],
    };

    /// The index of `wire` among the table's names.
    #[inline]
    pub fn find(&self, wire: &str) -> Option<usize> {
        self.find_name(wire).map(|(index, _)| index)
    }

    /// The index of `wire` among the table's names, and the table's copy of the name.
    #[inline]
    pub fn find_name(&self, wire: &str) -> Option<(usize, &'static str)> {
        self.find_name_bytes(wire.as_bytes())
    }

    /// [`WireTable::find_name`] for text as bytes (integer codes' digits, written on the stack).
    #[inline]
    pub(crate) fn find_name_bytes(&self, wire: &[u8]) -> Option<(usize, &'static str)> {
        if self.displacements.is_empty() || self.slots.is_empty() {
            return None;
        }
        let hash = hash(wire, self.seed);
        let displacement = *self
            .displacements
            .get(bucket(hash, self.displacements.len()))?;
        let index = *self.slots.get(slot(hash, displacement, self.slots.len()))?;
        let index = usize::try_from(index).ok()?;
        let name = *self.names.get(index)?;
        // Wire codes are short: compared in registers rather than through `memcmp`.
        super::same_bytes(name.as_bytes(), wire).then_some((index, name))
    }

    /// The name at `index`.
    pub fn name(&self, index: usize) -> Option<&'static str> {
        self.names.get(index).copied()
    }

    /// How many names the table holds.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether the table holds no names.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_empty_table_finds_nothing() {
        assert_eq!(WireTable::EMPTY.find(""), None);
        assert_eq!(WireTable::EMPTY.find("code"), None);
        assert!(WireTable::EMPTY.is_empty());
    }

    #[test]
    fn a_hand_placed_table_finds_its_names_and_nothing_else() {
        // Two names, one bucket; find a displacement that separates them, as the generator does.
        const NAMES: &[&str] = &["card_declined", "expired_card"];
        let seed = 7;
        let hashes = [
            hash(NAMES[0].as_bytes(), seed),
            hash(NAMES[1].as_bytes(), seed),
        ];
        let displacement = (0..)
            .find(|&d| slot(hashes[0], d, 3) != slot(hashes[1], d, 3))
            .unwrap();
        let mut slots = vec![EMPTY_SLOT; 3];
        slots[slot(hashes[0], displacement, 3)] = 0;
        slots[slot(hashes[1], displacement, 3)] = 1;
        let table = WireTable {
            seed,
            displacements: Vec::leak(vec![displacement]),
            slots: Vec::leak(slots),
            names: NAMES,
        };
        assert_eq!(table.find("card_declined"), Some(0));
        assert_eq!(table.find("expired_card"), Some(1));
        for miss in [
            "",
            "card",
            "card_declined ",
            "Card_declined",
            "expired_card\0",
        ] {
            assert_eq!(table.find(miss), None, "{miss:?}");
        }
        assert_eq!(table.name(1), Some("expired_card"));
        assert_eq!(table.len(), 2);
    }
}
