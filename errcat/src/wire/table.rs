//! Perfect-hash tables of wire strings, computed when the code is generated.
//!
//! A table maps each of its `n` names to its index with one hash and one string comparison,
//! whatever `n` is: the name hashes to a bucket, the bucket's displacement (chosen by the code
//! generator so that no two names collide) moves it to a slot, and the slot holds the index of the
//! only name that can be there. A string that is not in the table lands on an empty slot or on a
//! name that differs from it.
//!
//! The code generator (`errcat-codegen`) keeps a copy of [`hash`], [`bucket`] and [`slot`]; a
//! test builds tables with it and looks every name up here, so the two cannot drift apart.

/// Marks a slot that no name occupies.
pub const EMPTY_SLOT: u32 = u32::MAX;

/// A table of wire strings (the codes or types of one catalog), searchable in constant time.
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
        if self.displacements.is_empty() || self.slots.is_empty() {
            return None;
        }
        let hash = hash(wire.as_bytes(), self.seed);
        let displacement = *self
            .displacements
            .get(bucket(hash, self.displacements.len()))?;
        let index = *self.slots.get(slot(hash, displacement, self.slots.len()))?;
        let index = usize::try_from(index).ok()?;
        let name = self.names.get(index)?;
        (*name == wire).then_some(index)
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

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// The table hash: 8 bytes per step, then a full avalanche (murmur3's finalizer).
#[inline]
pub fn hash(bytes: &[u8], seed: u64) -> u64 {
    let mut state = seed ^ (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        state = (state ^ word_at(chunk, 0))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(29);
    }
    let len = bytes.len();
    let tail = match len {
        0 => None,
        // The last 8 bytes, overlapping the chunks already read.
        _ if len >= 8 => (len % 8 != 0).then(|| word_at(bytes, len - 8)),
        // The first and last 4 bytes, overlapping.
        4.. => Some(u64::from(half_at(bytes, 0)) | (u64::from(half_at(bytes, len - 4)) << 32)),
        // One to three bytes: first, middle and last.
        _ => Some(
            (u64::from(bytes[0]) << 16)
                | (u64::from(bytes[len / 2]) << 8)
                | u64::from(bytes[len - 1]),
        ),
    };
    if let Some(tail) = tail {
        state = (state ^ tail).wrapping_mul(MULTIPLIER).rotate_left(29);
    }
    state ^= state >> 33;
    state = state.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    state ^= state >> 33;
    state = state.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    state ^ (state >> 33)
}

/// The 8 bytes at `at`, little-endian (0 if the slice is shorter).
#[inline]
fn word_at(bytes: &[u8], at: usize) -> u64 {
    bytes
        .get(at..at + 8)
        .and_then(|word| <[u8; 8]>::try_from(word).ok())
        .map_or(0, u64::from_le_bytes)
}

/// The 4 bytes at `at`, little-endian (0 if the slice is shorter).
#[inline]
fn half_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .and_then(|word| <[u8; 4]>::try_from(word).ok())
        .map_or(0, u32::from_le_bytes)
}

/// The bucket of a hash among `buckets`.
#[inline]
pub fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(hash >> 32, buckets)
}

/// The slot of a hash, moved by its bucket's displacement, among `slots`.
#[inline]
pub fn slot(hash: u64, displacement: u32, slots: usize) -> usize {
    let mixed = (hash ^ u64::from(displacement).wrapping_mul(MULTIPLIER))
        .wrapping_mul(0xD6E8_FEB8_6659_FD93);
    reduce(mixed >> 32, slots)
}

/// Maps a 32-bit value onto `0..range` without a division.
#[inline]
fn reduce(value: u64, range: usize) -> usize {
    let scaled = (value & 0xFFFF_FFFF).wrapping_mul(range as u64) >> 32;
    // `scaled < range`, so it fits.
    usize::try_from(scaled).unwrap_or(0)
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

    #[test]
    fn the_hash_reads_every_byte_and_the_length() {
        let base = hash(b"abcdefghij", 1);
        assert_ne!(base, hash(b"abcdefghik", 1));
        assert_ne!(base, hash(b"bbcdefghij", 1));
        assert_ne!(base, hash(b"abcdefghij", 2));
        assert_ne!(hash(b"a", 0), hash(b"a\0", 0));
        assert_ne!(hash(b"", 0), hash(b"\0", 0));
    }
}
