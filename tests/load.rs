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

/// The first error's `line:column`.
fn first_pos(e: &LoadError) -> (usize, usize) {
    let p = e
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .and_then(|p| p.pos)
        .unwrap_or_else(|| panic!("no placed error in {e}"));
    (p.line, p.column)
}

/// 1-based line and character column of byte `offset` in `text`.
fn char_pos(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

#[test]
fn an_array_where_an_object_is_required_is_refused() {
    // serde alone takes `["甲", "A"]` as {"zh": "甲", "en": "A"}; the schema does not.
    let mut v = common::minimal();
    v["clusters"][1]["name"] = serde_json::json!(["乙集群", "Cluster B"]);
    let text = serde_json::to_string_pretty(&v).unwrap();
    let e = load::load_str("arr.json", &text).unwrap_err();
    let all = errors(&e).join("\n");
    assert!(all.contains("clusters[1].name"), "{all}");
    assert!(all.contains("an array"), "{all}");
    assert!(all.contains("an object"), "{all}");
    let at = text.find("[\n        \"乙集群\"").unwrap();
    let (line, _) = char_pos(&text, at);
    assert_eq!(first_pos(&e).0, line, "{all}");

    let mut v = common::minimal();
    v["clusters"][0]["metrics"][0]["as_of"] = serde_json::json!([2021]);
    let e = load_json(&v).unwrap_err();
    let all = errors(&e).join("\n");
    assert!(all.contains("clusters[0].metrics[0].as_of"), "{all}");
    assert!(all.contains("an array"), "{all}");
}

#[test]
fn duplicate_keys_are_refused_naming_both_places() {
    // At the top level: `sources` twice (serde would keep the last).
    let text = "{\n  \"format_version\": 1,\n  \"sources\": [],\n  \"metric_keys\": [],\n  \"clusters\": [],\n  \"sources\": []\n}";
    let e = load::load_str("dup.json", text).unwrap_err();
    let all = errors(&e).join("\n");
    assert!(
        all.contains("dup.json:6:3: error: sources: duplicate key `sources`"),
        "{all}"
    );
    assert!(all.contains("also at 3:3"), "{all}");

    // Deep inside a cluster, with Chinese before it on the line.
    let mut v = common::minimal();
    v["clusters"][0]["name"] = serde_json::json!({"zh": "甲集群", "en": "A"});
    let text = serde_json::to_string(&v).unwrap().replacen(
        "\"en\":\"A\"",
        "\"en\":\"A\",\"zh\":\"重复\"",
        1,
    );
    let e = load::load_str("dup2.json", &text).unwrap_err();
    let all = errors(&e).join("\n");
    assert!(
        all.contains("clusters[0].name.zh: duplicate key `zh`"),
        "{all}"
    );
    // Keys are written in order: en, the inserted zh, then the original zh.
    let first = char_pos(&text, text.find("\"zh\":\"重复").unwrap());
    let second = char_pos(&text, text.find("\"zh\":\"甲集群").unwrap());
    assert!(
        all.contains(&format!("also at {}:{}", first.0, first.1)),
        "{all}"
    );
    assert!(
        all.contains(&format!("dup2.json:{}:{}: error", second.0, second.1)),
        "{all}"
    );
    assert_eq!(all.matches("duplicate").count(), 1, "reported once: {all}");
}

#[test]
fn syntax_error_columns_count_characters_not_bytes() {
    let text = "{\"format_version\": 1, \"title\": {\"zh\": \"先进制造集群对比\", \"en\": oops}}";
    let e = load::load_str("cjk.json", text).unwrap_err();
    let want = char_pos(text, text.find("oops").unwrap());
    // Eight Chinese characters before the error: byte column 73, character column 57.
    assert_eq!(want, (1, 57));
    assert_eq!(first_pos(&e), want, "{e}");
    // A validation problem after Chinese on the same line, too.
    let mut v = common::minimal();
    v["clusters"][0]["metrics"][0]["unit"] = "万亿美刀".into();
    let text = serde_json::to_string(&v).unwrap();
    let e = load::load_str("one-line.json", &text).unwrap_err();
    let unit = e
        .problems
        .iter()
        .find(|p| p.message.contains("万亿美刀"))
        .unwrap();
    let at = text.find("\"万亿美刀\"").unwrap();
    let pos = unit.pos.unwrap();
    assert_eq!((pos.line, pos.column), char_pos(&text, at));
}

#[test]
fn thousands_of_problems_are_located_in_linear_time() {
    // 3,000 problems in a 9 MB file took 17.6 s when each one rescanned the file.
    let text = cluster_compare::synth::json_with_problems(1000, 3000);
    let started = std::time::Instant::now();
    let e = load::load_str("many.json", &text).unwrap_err();
    let took = started.elapsed();
    assert_eq!(errors(&e).len(), 3000);
    assert!(e.problems.iter().all(|p| p.pos.is_some()));
    let last = e.problems.last().unwrap();
    assert!(last.pos.unwrap().line > 100_000, "{last:?}");
    assert!(took.as_secs_f64() < 8.0, "took {took:?}");
}

#[test]
fn devices_and_pipes_are_refused_without_reading() {
    let started = std::time::Instant::now();
    let e = load::load_path(std::path::Path::new("/dev/zero")).unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
    assert!(started.elapsed().as_secs() < 2);
    // Whatever the reader, no more than the limit + 1 bytes are read.
    assert!(matches!(
        load::read_capped(std::io::repeat(b' '), 4096),
        Err(load::Capped::TooLarge)
    ));
    assert_eq!(load::read_capped(&b"{}"[..], 2).unwrap(), b"{}");
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
    v["format_version"] = 4.into();
    let e = load_json(&v).unwrap_err();
    assert!(e.to_string().contains("version 4 is not supported"), "{e}");
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
