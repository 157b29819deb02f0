//! Bad input gets a clear message naming the file, the place and what was
//! expected; every problem in a file is listed; nothing panics.

mod common;

use cluster_compare::load::{self, LoadError, MAX_FILE_BYTES, Severity};

fn load_json(v: &serde_json::Value) -> Result<load::Loaded, LoadError> {
    load::load_str("test.json", &serde_json::to_string_pretty(v).unwrap())
}

fn errors(e: &LoadError) -> Vec<String> {
    e.problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.render(&e.file))
        .collect()
}

#[test]
fn the_minimal_dataset_is_valid() {
    let l = load_json(&common::minimal()).expect("valid");
    assert_eq!(l.dataset.clusters.len(), 2);
}

#[test]
fn empty_file_says_it_is_empty() {
    let e = load::load_str("empty.json", "  \n ").unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("empty.json"), "{msg}");
    assert!(msg.contains("empty"), "{msg}");
}

#[test]
fn non_utf8_names_the_byte_and_place() {
    let mut bytes = b"{\n  \"format_version\": 1,\n  \"title\": \"".to_vec();
    bytes.extend([0xff, 0xfe]);
    bytes.extend(b"\"}");
    let e = load::load_bytes("latin1.json", &bytes).unwrap_err();
    let line = &errors(&e)[0];
    assert!(line.starts_with("latin1.json:3:"), "{line}");
    assert!(line.contains("not valid UTF-8"), "{line}");
    assert!(line.contains("0xFF"), "{line}");
}

#[test]
fn a_too_large_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let f = std::fs::File::create(&path).unwrap();
    // A sparse file: large on paper, nothing to read.
    f.set_len(MAX_FILE_BYTES + 1).unwrap();
    let e = load::load_path(&path).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("huge.json"), "{msg}");
    assert!(msg.contains("at most"), "{msg}");
}

#[test]
fn a_top_level_array_is_the_wrong_kind() {
    let e = load::load_str("list.json", "[1, 2, 3]").unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("list.json:1:"), "{msg}");
    assert!(msg.contains("top level must be a JSON object"), "{msg}");
}

#[test]
fn absurd_nesting_is_refused_with_its_place() {
    let text = format!("{{\"clusters\": {}{}}}", "[".repeat(5000), "]".repeat(5000));
    let e = load::load_str("deep.json", &text).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("nesting deeper than"), "{msg}");
    assert!(msg.contains("deep.json:1:"), "{msg}");
}

#[test]
fn a_syntax_error_gives_line_and_column() {
    let text = "{\n  \"format_version\": 1,\n  \"sources\": [\n    {\"id\": \"s1\",}\n  ]\n}";
    let e = load::load_str("syntax.json", text).unwrap_err();
    let line = &errors(&e)[0];
    assert!(line.starts_with("syntax.json:4:"), "{line}");
}

#[test]
fn a_newer_format_version_is_refused() {
    let mut v = common::minimal();
    v["format_version"] = 3.into();
    let e = load_json(&v).unwrap_err();
    assert!(e.to_string().contains("version 3 is not supported"), "{e}");
}

#[test]
fn type_errors_in_several_clusters_are_all_listed_with_paths() {
    let mut v = common::minimal();
    v["clusters"][0]["metrics"][0]["value"] = "lots".into();
    v["clusters"][1]["level"] = "galactic".into();
    v["clusters"][1].as_object_mut().unwrap().remove("industry");
    let e = load_json(&v).unwrap_err();
    let errs = errors(&e);
    let all = errs.join("\n");
    assert!(errs.len() >= 2, "{all}");
    assert!(all.contains("clusters[0].metrics[0].value"), "{all}");
    assert!(all.contains("expected a number"), "{all}");
    assert!(all.contains("clusters[1].level"), "{all}");
    assert!(
        all.contains("national"),
        "expected the allowed values to be named: {all}"
    );
    // Each names a line:column in the file.
    assert!(errs.iter().all(|l| l.starts_with("test.json:")), "{all}");
}

#[test]
fn validation_lists_every_problem_at_once() {
    let mut v = common::minimal();
    let c0 = &mut v["clusters"][0];
    c0["metrics"][0]["unit"] = "万亿美刀".into();
    c0["name"]["zh"] = "".into();
    c0["metrics"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
        "key": "firms", "value": -5, "unit": "家", "as_of": {"year": 2021},
        "source": {"source": "nowhere", "quote": "x"}}));
    c0["targets"] = serde_json::json!([{"key": "firms", "value": 2000, "unit": "家",
        "year": 2020, "baseline_year": 2023, "policy": "missing-policy",
        "source": {"source": "s1", "quote": "2000家"}}]);
    v["clusters"][1]["id"] = "a-cluster".into();
    let e = load_json(&v).unwrap_err();
    let all = errors(&e).join("\n");
    for expected in [
        "unknown unit `万亿美刀`",
        "empty Chinese name",
        "negative value -5",
        "cites source `nowhere`",
        "target year 2020 is before its baseline year 2023",
        "policy `missing-policy` is not among",
        "duplicate cluster id `a-cluster`",
    ] {
        assert!(all.contains(expected), "missing `{expected}` in:\n{all}");
    }
    // Validation problems carry a line:column found from their JSON path.
    let unit = e
        .problems
        .iter()
        .find(|p| p.message.contains("万亿美刀"))
        .unwrap();
    assert_eq!(unit.path, "clusters[0].metrics[0].unit");
    assert!(unit.pos.is_some());
}

#[test]
fn firms_must_sit_in_a_segment_of_their_chain() {
    let mut v = common::minimal();
    v["clusters"][0]["chain"] = serde_json::json!([{"key": "anode", "stage": "upstream", "name": {"zh": "负极", "en": "Anode"}}]);
    v["clusters"][0]["lead_firms"] = serde_json::json!([{"name": {"zh": "贝特瑞", "en": "BTR"}, "segment": "cathode",
        "source": {"source": "s1", "quote": "贝特瑞"}}]);
    let e = load_json(&v).unwrap_err();
    assert!(
        e.to_string()
            .contains("segment `cathode` is not in this cluster's chain (anode)"),
        "{e}"
    );
}

#[test]
fn warnings_do_not_stop_loading() {
    let mut v = common::minimal();
    v["clusters"][0]["name"]["en"] = "".into();
    let l = load_json(&v).expect("warnings only");
    assert!(
        l.warnings
            .iter()
            .any(|w| w.message.contains("no English name"))
    );
}

#[test]
fn nothing_panics_whatever_the_bytes() {
    let base = cluster_compare::load::EMBEDDED.as_bytes();
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for _ in 0..300 {
        let mut b = base.to_vec();
        match next() % 4 {
            0 => b.truncate((next() % b.len() as u64) as usize),
            1 => {
                for _ in 0..8 {
                    let i = (next() % b.len() as u64) as usize;
                    b[i] = next() as u8;
                }
            }
            2 => {
                let i = (next() % b.len() as u64) as usize;
                b.insert(i, b"[{\"\\,:-0e"[(next() % 9) as usize]);
            }
            _ => {
                let i = (next() % b.len() as u64) as usize;
                b.remove(i);
            }
        }
        // Either result is fine; a panic fails the test.
        let _ = load::load_bytes("mangled.json", &b);
    }
}

#[test]
fn synthetic_datasets_are_valid() {
    let text = cluster_compare::synth::json(50);
    let l = load::load_str("synthetic.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(l.dataset.clusters.len(), 50);
}
