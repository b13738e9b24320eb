//! The perfect-hash scheme of errcat's wire tables, shared by the code generator, which builds
//! tables ([`build`]), and the runtime, which searches them (`errcat::wire::WireTable`), so that
//! both use the one [`hash`], [`bucket`] and [`slot`].
//!
//! The scheme is "hash and displace": every name hashes to a bucket; buckets are placed largest
//! first, each with the smallest displacement that sends all its names to free slots. A name's
//! slot then holds its index, so a lookup is one hash and one string comparison whatever the
//! number of names. Tables have 25% more slots than names, so placing is quick.
//!
//! It also holds message [`pattern`]s, which the generator parses and the runtime matches.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod pattern;

/// The largest body a generated decoder accepts, in bytes (1 MiB); the runtime refuses larger
/// bodies (`errcat::wire::MAX_BODY_BYTES`) and the generator refuses examples over it.
pub const MAX_BODY_BYTES: usize = 1 << 20;

/// The most wire names one slot of an envelope may have: a decoded body records which name it
/// used in one byte (`errcat::wire::Fields`), so that rendering writes the same key back.
pub const MAX_NAMES_PER_KEY: usize = 1 << u8::BITS;

/// Marks a slot that no name occupies.
pub const EMPTY_SLOT: u32 = u32::MAX;

/// The computed parts of a table; the names themselves are the caller's, in their order.
///
/// # Example
///
/// ```
/// let names = ["card_declined", "expired_card", "processing_error"];
/// let table = errcat_table::build(&names);
/// // Every name lands on its own slot; the slot holds the name's index.
/// for (index, name) in names.iter().enumerate() {
///     let hash = errcat_table::hash(name.as_bytes(), table.seed);
///     let bucket = errcat_table::bucket(hash, table.displacements.len());
///     let slot = errcat_table::slot(hash, table.displacements[bucket], table.slots.len());
///     assert_eq!(table.slots[slot], index as u32);
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WireTableParts {
    /// The hash seed that makes every name land apart.
    pub seed: u64,
    /// Per bucket, its displacement.
    pub displacements: Vec<u32>,
    /// Per slot, the index of its name or [`EMPTY_SLOT`].
    pub slots: Vec<u32>,
}

/// Computes the table of `names` (an index is a position in `names`). A repeated name is placed
/// once, at its first index. Deterministic: the same names always give the same table.
pub fn build(names: &[&str]) -> WireTableParts {
    let mut distinct: Vec<(usize, &str)> = Vec::with_capacity(names.len());
    let mut seen = std::collections::HashSet::with_capacity(names.len());
    for (index, name) in names.iter().enumerate() {
        if seen.insert(*name) {
            distinct.push((index, *name));
        }
    }
    if distinct.is_empty() {
        return WireTableParts {
            seed: 0,
            displacements: Vec::new(),
            slots: Vec::new(),
        };
    }
    let slot_count = distinct.len() + distinct.len() / 4 + 1;
    let bucket_count = distinct.len().div_ceil(4);
    // Distinct names collide on a whole 64-bit hash only by astronomical chance, and then only
    // under one seed: some seed among the first few always places every bucket.
    let mut attempt: u64 = 0;
    loop {
        let seed = seed_of(attempt);
        if let Some(parts) = place(&distinct, seed, slot_count, bucket_count) {
            return parts;
        }
        attempt += 1;
    }
}

/// The most displacements tried for one bucket before trying another seed.
const DISPLACEMENT_TRIES: u32 = 1 << 16;

fn place(
    names: &[(usize, &str)],
    seed: u64,
    slot_count: usize,
    bucket_count: usize,
) -> Option<WireTableParts> {
    let mut buckets: Vec<Vec<(u32, u64)>> = vec![Vec::new(); bucket_count];
    for (index, name) in names {
        let hash = hash(name.as_bytes(), seed);
        let index = u32::try_from(*index).ok()?;
        buckets
            .get_mut(bucket(hash, bucket_count))?
            .push((index, hash));
    }
    let mut order: Vec<usize> = (0..bucket_count).collect();
    order.sort_by_key(|&bucket| std::cmp::Reverse(buckets[bucket].len()));
    let mut slots = vec![EMPTY_SLOT; slot_count];
    let mut displacements = vec![0; bucket_count];
    let mut chosen = Vec::new();
    for bucket_index in order {
        let members = &buckets[bucket_index];
        if members.is_empty() {
            break;
        }
        let displacement = (0..DISPLACEMENT_TRIES).find(|&displacement| {
            chosen.clear();
            members.iter().all(|(_, hash)| {
                let position = slot(*hash, displacement, slot_count);
                let free = slots[position] == EMPTY_SLOT && !chosen.contains(&position);
                chosen.push(position);
                free
            })
        })?;
        for ((index, _), position) in members.iter().zip(&chosen) {
            slots[*position] = *index;
        }
        displacements[bucket_index] = displacement;
    }
    Some(WireTableParts {
        seed,
        displacements,
        slots,
    })
}

/// The seed of the `attempt`-th try (splitmix64 of the attempt number).
fn seed_of(attempt: u64) -> u64 {
    let mut state = attempt.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    state = (state ^ (state >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    state = (state ^ (state >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    state ^ (state >> 31)
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

    /// Looks `wire` up the way the runtime does.
    fn find(parts: &WireTableParts, names: &[&str], wire: &str) -> Option<usize> {
        if parts.displacements.is_empty() {
            return None;
        }
        let hash = hash(wire.as_bytes(), parts.seed);
        let displacement = parts.displacements[bucket(hash, parts.displacements.len())];
        let index = parts.slots[slot(hash, displacement, parts.slots.len())];
        let index = usize::try_from(index).ok()?;
        (names.get(index)? == &wire).then_some(index)
    }

    #[test]
    fn every_name_is_found_at_its_index_and_nothing_else_is() {
        for count in [1, 2, 3, 9, 100, 1000, 10_000] {
            let names: Vec<String> = (0..count).map(|i| format!("error_code_{i:05}")).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let parts = build(&names);
            for (index, name) in names.iter().enumerate() {
                assert_eq!(find(&parts, &names, name), Some(index), "{name}");
            }
            for miss in ["", "error_code_", "error_code_99999", "ERROR_CODE_00000"] {
                assert_eq!(find(&parts, &names, miss), None, "{miss}");
            }
            assert!(parts.slots.len() <= count + count / 4 + 1);
        }
    }

    #[test]
    fn tables_are_deterministic_and_empty_for_no_names() {
        let names = ["a", "b", "c"];
        assert_eq!(build(&names), build(&names));
        let empty = build(&[]);
        assert!(empty.slots.is_empty() && empty.displacements.is_empty());
    }

    #[test]
    fn a_repeated_name_keeps_its_first_index() {
        let names = ["x", "y", "x"];
        let parts = build(&names);
        assert_eq!(find(&parts, &names, "x"), Some(0));
        assert_eq!(find(&parts, &names, "y"), Some(1));
    }

    #[test]
    fn the_hash_reads_every_byte_and_the_length() {
        let base = hash(b"abcdefghij", 1);
        assert_ne!(base, hash(b"abcdefghik", 1));
        assert_ne!(base, hash(b"bbcdefghij", 1));
        assert_ne!(base, hash(b"abcdefghij", 2));
        assert_ne!(hash(b"a", 0), hash(b"a\0", 0));
        assert_ne!(hash(b"", 0), hash(b"\0", 0));
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let mut changed = bytes.clone();
            if let Some(last) = changed.last_mut() {
                *last ^= 0x80;
                assert_ne!(hash(&bytes, 3), hash(&changed, 3), "length {len}");
            }
        }
    }
}
