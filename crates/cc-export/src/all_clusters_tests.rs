//! The table of every cluster goes through the same safe writers as the comparison.

use super::*;

fn seed() -> Dataset {
    cc_data::load::load_embedded().unwrap().dataset
}

#[test]
fn formula_like_text_is_neutralised() {
    assert_eq!(csv_text("=SUM(A1)"), "'=SUM(A1)");
    assert_eq!(csv_text("@x"), "'@x");
    assert_eq!(csv_text("深圳"), "深圳");
    for lead in [" ", "\u{a0}", "\u{3000}", "\u{200b}", "\u{feff}", "\n"] {
        let s = format!("{lead}=1+1");
        assert!(csv_text(&s).starts_with('\''), "{s:?}");
    }
}

#[test]
fn hostile_names_are_made_safe_in_every_table_format() {
    let mut d = seed();
    d.clusters[0].name.zh = "长".repeat(40_000);
    d.clusters[0].name.en = "long ".repeat(8_000);
    d.clusters[1].name.zh = "\u{3000}=HYPERLINK(\"http://x\")".into();
    d.clusters[1].name.en = "\u{a0}=HYPERLINK(\"http://x\")".into();
    d.clusters[2].name.zh = "甲\u{202E}乙\u{7}丙".into();
    d.clusters[2].name.en = "a\u{202E}b\u{7}c".into();
    for lang in [Lang::Zh, Lang::En] {
        let req = TableRequest {
            lang,
            ..Default::default()
        };
        // A cell over Excel's limit is shortened, not an error.
        render(&d, &req, TableFormat::Xlsx).unwrap();

        let csv = String::from_utf8(render(&d, &req, TableFormat::Csv).unwrap()).unwrap();
        assert!(
            !csv.contains(",\u{3000}=HYPERLINK") && !csv.contains(",\u{a0}=HYPERLINK"),
            "formula after a wide or no-break space is neutralised"
        );
        assert!(csv.contains("'\u{3000}=HYPERLINK") || csv.contains("'\u{a0}=HYPERLINK"));

        let md = String::from_utf8(render(&d, &req, TableFormat::Md).unwrap()).unwrap();
        assert!(!md.contains('\u{202E}'), "no bidi override");
        assert!(!md.contains('\u{7}'), "no control character");
    }
}

#[test]
fn markdown_cells_cannot_break_the_table() {
    assert_eq!(md("a|b\n*c*"), "a\\|b \\*c\\*");
    assert_eq!(md("<script>"), "&lt;script>");
}

#[test]
fn the_wide_clusters_sheet_prints_several_pages_across_with_the_names_repeated() {
    use std::io::Read;
    let req = TableRequest {
        lang: Lang::Zh,
        ..Default::default()
    };
    let bytes = render(&seed(), &req, TableFormat::Xlsx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    // Not shrunk onto one page: two or more pages across at a readable scale.
    let at = xml.find("fitToWidth=\"").expect("fit to width set") + "fitToWidth=\"".len();
    let across: u16 = xml[at..].split('"').next().unwrap().parse().unwrap();
    assert!(across >= 2, "{across} pages across");
    assert!(xml.contains("orientation=\"landscape\""));
    assert!(xml.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"));
    let mut wb = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut wb)
        .unwrap();
    assert!(
        wb.contains("$A:$B"),
        "id and name repeat on every page: {wb}"
    );
}

#[test]
fn page_headers_double_ampersands_and_stay_short() {
    use super::super::xlsx::{header_text, pages_wide};
    assert_eq!(header_text("R&D clusters"), "R&&D clusters");
    assert!(header_text(&"长".repeat(500)).chars().count() <= 81);
    assert_eq!(header_text("a\u{7}b"), "ab");
    assert_eq!(pages_wide(&[22.0, 10.0, 16.0]), 1);
    assert_eq!(pages_wide(&[40.0; 10]), 3);
    assert_eq!(pages_wide(&[f64::NAN, -3.0]), 1);
    use super::super::xlsx::wrapped_lines;
    assert_eq!(wrapped_lines("short", 30.0), 1);
    assert_eq!(wrapped_lines(&"a".repeat(58), 30.0), 2);
    assert_eq!(
        wrapped_lines(&"长".repeat(29), 30.0),
        2,
        "CJK is twice as wide"
    );
    assert_eq!(wrapped_lines("a\nb\nc", 30.0), 3);
    assert_eq!(wrapped_lines("", 0.0), 1);
}
