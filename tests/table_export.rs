//! `cluster-compare table`: every cluster as CSV, XLSX or Markdown, sorted,
//! with numbers as numbers, bounds marked, sources quoted, and hostile text
//! neutralised.

use cluster_compare::export::all_clusters::{self as table, TableFormat, TableRequest};
use cluster_compare::load;
use cluster_compare::model::Lang;
use cluster_compare::table::{ClusterTable, Sort, SortKey};

fn seed() -> cluster_compare::model::Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let text = text.strip_prefix('\u{feff}').expect("byte-order mark");
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_has_one_row_per_cluster_sorted_with_missing_last() {
    let d = seed();
    let req = TableRequest {
        lang: Lang::En,
        sort: Some(Sort {
            key: SortKey::Metric("output_value".into()),
            descending: true,
        }),
        filters: Default::default(),
    };
    let rows = csv_records(&table::render(&d, &req, TableFormat::Csv).unwrap());
    assert_eq!(rows.len(), d.clusters.len(), "every cluster, header apart");
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    // Guangdong 1.85 tn before Shenzhen's "more than 570 bn"; clusters without a figure after.
    let gd = ids
        .iter()
        .position(|i| *i == "guangdong-six-city-nev")
        .unwrap();
    let sz = ids
        .iter()
        .position(|i| *i == "shenzhen-battery-materials")
        .unwrap();
    let none = ids.iter().position(|i| *i == "deqing-biomedicine").unwrap();
    assert!(gd < sz && sz < none);
    // Shenzhen's bound: the number in its column, the qualifier marked in the note, the phrase quoted.
    let t = ClusterTable::build(&d, Lang::En);
    let col = t
        .columns
        .iter()
        .position(|c| c.key == "output_value")
        .unwrap();
    let r = &rows[sz];
    let at = 7 + 3 * col;
    let v: f64 = r[at].parse().expect("a number in the value column");
    assert!((v - 570.0).abs() < 1e-6, "CNY bn: {v}");
    assert!(r[at + 1].starts_with('>'), "bound marked: {}", r[at + 1]);
    assert!(
        r[at + 2].contains("5700亿元"),
        "phrase as written: {}",
        r[at + 2]
    );
}

#[test]
fn hostile_names_are_neutralised_in_csv_and_escaped_in_markdown() {
    let mut d = seed();
    d.clusters[0].name.en = "=HYPERLINK(\"http://x\")|*bold*".into();
    let req = TableRequest {
        lang: Lang::En,
        ..Default::default()
    };
    let rows = csv_records(&table::render(&d, &req, TableFormat::Csv).unwrap());
    assert!(rows[0][1].starts_with("'="), "{}", rows[0][1]);
    let md = String::from_utf8(table::render(&d, &req, TableFormat::Md).unwrap()).unwrap();
    assert!(md.contains("=HYPERLINK(\"http://x\")\\|\\*bold\\*"));
    let table_lines = md.lines().filter(|l| l.starts_with('|')).count();
    assert_eq!(
        table_lines,
        d.clusters.len() + 2,
        "header, rule, one line per cluster"
    );
}

#[test]
fn xlsx_numbers_are_numbers() {
    use calamine::{Data, Reader, Xlsx};
    let d = seed();
    let req = TableRequest {
        lang: Lang::Zh,
        sort: Some(Sort {
            key: SortKey::Name,
            descending: false,
        }),
        filters: Default::default(),
    };
    let bytes = table::render(&d, &req, TableFormat::Xlsx).unwrap();
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = wb.worksheet_range("集群一览").unwrap();
    assert_eq!(range.height(), d.clusters.len() + 1);
    let t = ClusterTable::build(&d, Lang::Zh);
    let col = 7 + 3 * t.columns.iter().position(|c| c.key == "firms").unwrap();
    let numbers = range
        .rows()
        .skip(1)
        .filter(|r| matches!(r.get(col), Some(Data::Float(_))))
        .count();
    assert!(numbers >= 2, "firm counts written as numbers");
}

#[test]
fn the_table_command_writes_a_file_and_refuses_an_unknown_sort_key() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("t.csv");
    let bin = env!("CARGO_BIN_EXE_cluster-compare");
    let ok = std::process::Command::new(bin)
        .args([
            "table", "--format", "csv", "--sort", "figures", "--desc", "--lang", "en", "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("shenzhen-battery-materials")
    );
    let bad = std::process::Command::new(bin)
        .args(["table", "--format", "md", "--sort", "nope", "-o", "-"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("nope") && err.contains("output_value"),
        "{err}"
    );
    let stdout = std::process::Command::new(bin)
        .args(["table", "--format", "md", "-o", "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&stdout.stdout).contains("| 集群 |"));
}
