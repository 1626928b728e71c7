//! Stored documents as older builds left them, for the migration tests: every key in
//! `localStorage` as those builds wrote it.

use twohats::model::Workspace;
use twohats::storage::backend::{Backend, MemoryBackend};
use twohats::storage::format::{
    encode_meta, is_document_key, product_key, Lineage, ProductRef, FORMAT, META_KEY,
    STORAGE_VERSION,
};

/// Turns what this build stored in `b` into what a build of storage version 2 stored:
/// the same chunked keys, each saying version 2. The content is today's, which version 2
/// reads as it is as long as it records none of content version 2's fields (the sample
/// records none).
pub fn as_layout_2(b: &MemoryBackend) {
    for (key, text) in b.dump() {
        if !is_document_key(&key) {
            continue;
        }
        let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["version"], STORAGE_VERSION, "{key}");
        v["version"] = 2.into();
        b.set(&key, &v.to_string()).unwrap();
    }
}

/// Stores `ws` in `b` as builds of storage version 1 did: each product whole under one
/// key, at revision 1.
pub fn store_layout_1(b: &MemoryBackend, ws: &Workspace) {
    let refs = |id: &twohats::model::Id| ProductRef {
        id: id.clone(),
        rev: 1,
        chunks: vec![],
    };
    let mut meta: serde_json::Value =
        serde_json::from_str(&encode_meta(ws, &refs, Lineage::default())).unwrap();
    meta["version"] = 1.into();
    b.set(META_KEY, &meta.to_string()).unwrap();
    for p in &ws.products {
        let env = serde_json::json!({ "format": FORMAT, "version": 1, "rev": 1, "product": p });
        b.set(&product_key(&p.id, 1), &env.to_string()).unwrap();
    }
}

/// The storage version every document key in `b` says, with its key.
pub fn versions(b: &MemoryBackend) -> Vec<(String, u64)> {
    b.dump()
        .into_iter()
        .filter(|(k, _)| is_document_key(k))
        .map(|(k, text)| {
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            (k, v["version"].as_u64().unwrap())
        })
        .collect()
}
