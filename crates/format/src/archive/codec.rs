//! Posting lists as short strings (format doc §7.8, "Ids"): a sorted list
//! of record ids is written in whichever of two forms is shorter, in
//! base64url without padding after a one-letter tag:
//!
//! - `g…`: gaps. LEB128 varints: the first id, then each id minus the one
//!   before it (at least 1). Short for rare terms.
//! - `m…`: a bitmap. A varint, the first id `b`, then bytes whose bit `i`
//!   (least significant first) says whether id `b + i` is in the list.
//!   About one bit per record for a term most records hold.
//!
//! The empty list is "".

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64(bytes: &[u8], out: &mut String) {
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
}

fn unbase64(text: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = ALPHABET
            .iter()
            .position(|&a| a == c)
            .ok_or_else(|| format!("'{}' is not base64url", c as char))?;
        acc = acc << 6 | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if bits >= 6 || acc != 0 {
        return Err("base64url that does not end on a whole byte".into());
    }
    Ok(out)
}

fn varint(mut n: u32, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u32, String> {
    let mut n: u64 = 0;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at).ok_or("a varint is cut short")?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return u32::try_from(n).map_err(|_| "a varint over 32 bits".to_string());
        }
    }
    Err("a varint over 32 bits".into())
}

/// Writes ascending, distinct ids in the shorter form.
pub fn encode_ids(ids: &[u32]) -> String {
    let Some((&first, _)) = ids.split_first() else {
        return String::new();
    };
    let mut gaps = Vec::new();
    let mut previous = None;
    for &id in ids {
        varint(previous.map_or(id, |p| id - p), &mut gaps);
        previous = Some(id);
    }
    let span = (ids[ids.len() - 1] - first) as usize + 1;
    let mut out = String::new();
    if span.div_ceil(8) + 5 < gaps.len() {
        let mut map = Vec::new();
        varint(first, &mut map);
        let start = map.len();
        map.resize(start + span.div_ceil(8), 0);
        for &id in ids {
            let i = (id - first) as usize;
            map[start + i / 8] |= 1 << (i % 8);
        }
        out.push('m');
        base64(&map, &mut out);
    } else {
        out.push('g');
        base64(&gaps, &mut out);
    }
    out
}

/// Reads a list written by [`encode_ids`]; `Err` unless it is well formed,
/// ascending and every id is below `records`.
pub fn decode_ids(text: &str, records: u32) -> Result<Vec<u32>, String> {
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let (tag, rest) = text.split_at(1);
    let bytes = unbase64(rest)?;
    let mut at = 0;
    let mut ids = Vec::new();
    match tag {
        "g" => {
            while at < bytes.len() {
                let gap = read_varint(&bytes, &mut at)?;
                let id = match ids.last() {
                    None => gap,
                    Some(_) if gap == 0 => return Err("a gap of 0".into()),
                    Some(&p) => p + gap.min(u32::MAX - p),
                };
                ids.push(id);
            }
        }
        "m" => {
            let first = read_varint(&bytes, &mut at)?;
            for (i, &b) in bytes[at..].iter().enumerate() {
                for bit in 0..8 {
                    if b & (1 << bit) != 0 {
                        ids.push(first.saturating_add((i * 8 + bit) as u32));
                    }
                }
            }
            if ids.first() != Some(&first) {
                return Err("a bitmap must hold its first id".into());
            }
        }
        _ => return Err(format!("unknown list form \"{tag}\"")),
    }
    match ids.last() {
        None => Err("an empty list must be written \"\"".into()),
        Some(&last) if last >= records => Err(format!("id {last} is beyond the {records} records")),
        _ if ids.windows(2).any(|w| w[0] >= w[1]) => Err("ids out of order".into()),
        _ => Ok(ids),
    }
}
