//! Writes the library index of a feed's documents: pure and deterministic
//! (the same documents give the same bytes).

use serde_json::json;

use super::{
    sort_newest, start_and_expiry, values, Count, Facet, PartId, Root, Row, YearCount, DATES_KIND,
    IDS_KIND, ROOT_FILE, ROOT_KIND, ROWS_KIND, VERSION,
};
use crate::archive::{encode_ids, fnv, FNV_SEED};
use crate::model::{Document, FORMAT_VERSION};

/// Documents per row part: the first screen of the list (30 rows) is three
/// parts, and a filter whose rows are scattered fetches small ones.
pub const ROW_PART_SIZE: u32 = 10;

/// The library index of a feed: its files, the root first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Built {
    /// (path in the feed directory, JSON text).
    pub files: Vec<(String, String)>,
    pub root: Root,
}

impl Built {
    /// All the bytes of the index.
    pub fn bytes(&self) -> usize {
        self.files.iter().map(|(_, t)| t.len()).sum()
    }
}

/// Writes the library index of `documents` (in any order).
pub fn build(documents: &[Document], generated_at: &str) -> Built {
    let mut docs = documents.to_vec();
    sort_newest(&mut docs);
    let v = values(&docs);
    let count = |list: &[(String, Vec<u32>)]| -> Vec<Count> {
        list.iter()
            .map(|(name, ids)| Count(name.clone(), ids.len() as u32))
            .collect()
    };
    let mut root = Root {
        format_version: FORMAT_VERSION.to_string(),
        kind: ROOT_KIND.to_string(),
        version: VERSION,
        generated_at: generated_at.to_string(),
        build: String::new(),
        documents: docs.len() as u32,
        row_part_size: ROW_PART_SIZE,
        types: count(&v.types),
        issuers: count(&v.issuers),
        fields: count(&v.fields),
        years: v
            .years
            .iter()
            .map(|(y, ids)| YearCount(*y, ids.len() as u32))
            .collect(),
    };

    // The bodies of the parts, without their heads (the build is not known
    // yet): (part, key, body, extra fields).
    let mut bodies: Vec<(PartId, &str, String, String)> = Vec::new();
    for (k, chunk) in docs.chunks(ROW_PART_SIZE as usize).enumerate() {
        let rows: Vec<Row> = chunk.iter().map(Row::of).collect();
        bodies.push((
            PartId::Rows(k as u32),
            "rows",
            serde_json::to_string(&rows).expect("rows serialize"),
            String::new(),
        ));
    }
    for (facet, list) in [
        (Facet::Type, &v.types),
        (Facet::Issuer, &v.issuers),
        (Facet::Field, &v.fields),
    ] {
        for (j, (name, ids)) in list.iter().enumerate() {
            bodies.push((
                PartId::Ids(facet, j as u32),
                "ids",
                json!(encode_ids(ids)).to_string(),
                format!("\"facet\":\"{}\",\"name\":{},", facet.as_str(), json!(name)),
            ));
        }
    }
    let mut start = Vec::with_capacity(docs.len());
    let mut expires = Vec::new();
    let mut previous = 0i64;
    for (id, d) in docs.iter().enumerate() {
        let (s, e) = start_and_expiry(d);
        match s {
            Some(s) => {
                start.push(json!(s - previous));
                previous = s;
            }
            None => start.push(serde_json::Value::Null),
        }
        if let Some(e) = e {
            expires.push(json!([id, e]));
        }
    }
    bodies.push((
        PartId::Dates,
        "expires",
        serde_json::Value::Array(expires).to_string(),
        format!("\"start\":{},", serde_json::Value::Array(start)),
    ));

    let mut h = fnv(
        serde_json::to_string(&root)
            .expect("root serializes")
            .as_bytes(),
        FNV_SEED,
    );
    for (_, _, body, extra) in &bodies {
        h = fnv(extra.as_bytes(), h ^ extra.len() as u64);
        h = fnv(body.as_bytes(), h ^ body.len() as u64);
    }
    root.build = format!("{:012x}", h >> 16);

    let mut files = vec![(
        ROOT_FILE.to_string(),
        serde_json::to_string(&root).expect("root serializes"),
    )];
    for (part, key, body, extra) in bodies {
        let (kind, n) = match part {
            PartId::Rows(k) => (ROWS_KIND, k),
            PartId::Ids(_, j) => (IDS_KIND, j),
            PartId::Dates => (DATES_KIND, 0),
        };
        files.push((
            root.path(part),
            format!(
                "{{\"kind\":\"{kind}\",\"version\":{VERSION},\"build\":\"{}\",\"part\":{n},{extra}\"{key}\":{body}}}",
                root.build
            ),
        ));
    }
    Built { files, root }
}
