//! Every export format read back: the numbers are there, in the right place.

use std::path::Path;

use cluster_compare::export::{self, Format, PngOptions, Request};
use cluster_compare::load;
use cluster_compare::model::{Dataset, Lang};

fn seed() -> Dataset {
    load::load_embedded()
        .unwrap_or_else(|e| panic!("{e}"))
        .dataset
}

fn request(lang: Lang) -> Request {
    Request {
        ids: vec![
            "shenzhen-battery-materials".into(),
            "guangdong-six-city-nev".into(),
        ],
        baseline: None,
        lang,
        png: PngOptions::default(),
        ..Default::default()
    }
}

#[test]
fn csv_has_a_bom_and_holds_the_numbers_in_a_common_unit() {
    let bytes = export::render(&seed(), &request(Lang::Zh), Format::Csv).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for spreadsheet programs"
    );
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    assert!(header.iter().any(|h| h.contains("深圳")), "{header:?}");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let out = rows
        .iter()
        .find(|r| r[0].contains("产值"))
        .expect("output value row");
    // 5700亿元 beside 1.85万亿元: both in 亿元, never 0.57万亿元.
    assert_eq!(&out[1], "亿元");
    let sz: f64 = out[2].parse().unwrap();
    let gd: f64 = out[4].parse().unwrap();
    assert!((sz - 5700.0).abs() < 1e-9, "{sz}");
    assert!((gd - 18500.0).abs() < 1e-9, "{gd}");
    assert!(out[3].contains('>'), "qualifier kept: {}", &out[3]);
    assert!(
        out[3].contains("约2021"),
        "approximate year kept: {}",
        &out[3]
    );
    assert!(
        out[out.len() - 1].contains("5700亿元"),
        "sources in the last column"
    );
}

/// The seed with Guangdong's province-wide targets made the cluster's own, so
/// progress is computed (with the seed's scopes it is not: see
/// `province_targets_get_no_progress_against_a_cluster_figure`).
fn cluster_targets(mut d: cluster_compare::model::Dataset) -> cluster_compare::model::Dataset {
    for c in &mut d.clusters {
        for t in &mut c.targets {
            t.scope = None;
        }
    }
    d
}

#[test]
fn province_targets_get_no_progress_against_a_cluster_figure() {
    let d = seed();
    let csv_like =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    let targets = &csv_like[csv_like.find("<h2>Targets</h2>").expect("a targets table")..];
    let targets = &targets[..targets.find("</table>").unwrap()];
    assert!(!targets.contains("94%"), "a ratio across scopes: {targets}");
}

#[test]
fn xlsx_opens_with_the_sheets_and_values() {
    use calamine::{Data, Reader, Xlsx};
    let bytes = export::render(&cluster_targets(seed()), &request(Lang::En), Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    for s in ["Comparison", "Targets", "Sources", "Chart"] {
        assert!(names.iter().any(|n| n == s), "{names:?}");
    }
    let cmp = wb.worksheet_range("Comparison").unwrap();
    let out = cmp
        .rows()
        .find(|r| matches!(&r[0], Data::String(s) if s.starts_with("Output value")))
        .expect("output value row");
    assert_eq!(out[1], Data::String("CNY bn".into()));
    assert_eq!(out[4], Data::Float(1850.0));
    let targets = wb.worksheet_range("Targets").unwrap();
    let col = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|h| h == &Data::String("Progress".into()))
        .unwrap();
    let progress: Vec<f64> = targets
        .rows()
        .skip(1)
        .filter_map(|r| match &r[col] {
            Data::Float(f) => Some(*f),
            _ => None,
        })
        .collect();
    assert!(!progress.is_empty(), "targets with progress");
    assert!(
        progress.iter().any(|p| (p - 500.0 / 530.0).abs() < 1e-6),
        "{progress:?}"
    );
    let sources = wb.worksheet_range("Sources").unwrap();
    assert!(sources.rows().count() >= 3, "header and cited sources");
}

#[test]
fn markdown_and_html_hold_the_values_and_sources() {
    let d = seed();
    let md =
        String::from_utf8(export::render(&d, &request(Lang::Zh), Format::Md).unwrap()).unwrap();
    assert!(md.contains("| 指标 |"));
    assert!(md.contains("18,500亿元"), "in 亿元 beside 5700亿元");
    assert!(md.contains("## 来源"));
    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "inline chart");
    assert!(html.contains("CNY 1.85 tn"));
    assert!(
        !html.contains("http://") || !html.contains("src=\"http"),
        "no outside requests"
    );
    assert!(
        !html.contains("<script src") && !html.contains("<link"),
        "self-contained"
    );
}

#[test]
fn unknown_ids_and_too_many_clusters_are_refused() {
    let d = seed();
    let mut r = request(Lang::Zh);
    r.ids.push("no-such-cluster".into());
    let e = export::render(&d, &r, Format::Csv).unwrap_err();
    assert!(e.to_string().contains("no-such-cluster"));
    r.ids = d.clusters.iter().take(7).map(|c| c.id.clone()).collect();
    assert!(export::render(&d, &r, Format::Csv).is_err());
}

#[test]
fn a_failure_in_the_middle_of_a_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.csv");
    std::fs::write(&path, "old contents").unwrap();
    let r = export::write_atomic_with(&path, |f| {
        use std::io::Write;
        f.write_all(b"half a sheet")?;
        Err(std::io::Error::other("disk full"))
    });
    assert!(r.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "old contents");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left behind");
}

#[test]
fn an_unwritable_path_gets_a_clear_error() {
    let d = seed();
    let e = export::export_to(
        &d,
        &request(Lang::Zh),
        Format::Csv,
        Path::new("/no/such/folder/x.csv"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("/no/such/folder/x.csv"), "{e}");
}

#[test]
fn a_binary_format_is_not_written_to_standard_output() {
    let e =
        export::export_to(&seed(), &request(Lang::Zh), Format::Xlsx, Path::new("-")).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
}

#[test]
fn png_has_the_asked_size_is_not_blank_and_shows_the_comparison() {
    let d = seed();
    let mut r = request(Lang::En);
    r.png = PngOptions {
        view: export::View::Overview,
        width: 1600,
        height: 1200,
        scale: 1.5,
        dark: false,
    };
    let bytes = export::render(&d, &r, Format::Png).unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
    assert_eq!((img.width(), img.height()), (2400, 1800));
    // Not blank: many distinct colours, and the two series colours of the panels appear.
    let mut colours = std::collections::HashSet::new();
    for p in img.pixels().step_by(7) {
        colours.insert(p.0);
    }
    assert!(colours.len() > 50, "only {} colours", colours.len());
    let has = |rgb: [u8; 3]| img.pixels().any(|p| p.0[..3] == rgb);
    assert!(has([0x00, 0x72, 0xb2]), "first cluster's colour drawn");
    assert!(has([0xd5, 0x5e, 0x00]), "second cluster's colour drawn");
}

// ------------------------------------------------------------ hostile input
//
// Issue 8: data files come from anyone. Names that are formulas, markup,
// line breaks, bidirectional overrides or 40,000 characters long must not turn
// an export against its reader, nor cost the export.

use cluster_compare::export::What;
use cluster_compare::model::Text;

const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"click\")";
const RLO: char = '\u{202E}';

/// The seed with hostile text in names, metric names and sources, a negative
/// value and a negative zero.
fn hostile() -> Dataset {
    let mut d = seed();
    let both = |s: &str| Text::new(s, s);
    for c in &mut d.clusters {
        match c.id.as_str() {
            "shenzhen-battery-materials" => {
                c.name = both(&format!(
                    "{FORMULA}\r\n# Injected heading\n<img src=x onerror=alert(1)> a\\|b {RLO}gnp.exe"
                ));
                for m in &mut c.metrics {
                    if m.key == "listed_firms" {
                        m.value = -0.0;
                    }
                }
            }
            "guangdong-six-city-nev" => {
                c.name = both("+cmd|' /C calc'!A0");
                for m in &mut c.metrics {
                    if m.key == "share_of_national_vehicle_output" {
                        m.value = -16.6;
                    }
                }
                for p in &mut c.policies {
                    p.title = both("@SUM(1+1)*cmd|' /C calc'!A0");
                    p.issuer = both("\tissuer");
                }
            }
            _ => {}
        }
    }
    for k in &mut d.metric_keys {
        if k.key == "output_value" {
            k.name = both("-2+3+cmd|' /C calc'!A0");
        }
        if k.key == "firms" {
            k.name = both("\r=1+1");
        }
    }
    for s in &mut d.sources {
        s.title = both("@SUM(1+1)");
        s.publisher = both("<script>alert(1)</script>");
    }
    d
}

fn starts_like_a_formula(s: &str) -> bool {
    let t = s.trim_start();
    ["=", "+", "-", "@", "\t", "\r"]
        .iter()
        .any(|p| s.starts_with(p) || t.starts_with(p))
}

fn csv_fields(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes.strip_prefix("\u{feff}".as_bytes()).unwrap()).unwrap();
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn csv_cells_that_could_be_formulas_are_neutralised_and_numbers_stay_numbers() {
    let d = hostile();
    let mut req = request(Lang::En);
    req.baseline = Some(1);
    for what in [What::Comparison, What::Policies] {
        let (bytes, _) = export::render_with_notes(&d, &req, Format::Csv, what).unwrap();
        let rows = csv_fields(&bytes);
        let mut neutralised = 0;
        for f in rows.iter().flatten() {
            if f.parse::<f64>().is_ok() {
                continue; // a number: a spreadsheet reads it as one
            }
            assert!(!starts_like_a_formula(f), "{what:?}: formula cell {f:?}");
            neutralised += usize::from(f.starts_with('\''));
        }
        assert!(
            neutralised >= 2,
            "{what:?}: hostile cells present and marked"
        );
    }
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    let all: Vec<&str> = rows.iter().flatten().map(String::as_str).collect();
    assert!(all.contains(&"-16.6"), "a negative value stays a number");
    assert!(all.iter().any(|f| f.starts_with("'=HYPERLINK")), "{all:?}");
    assert!(!all.contains(&"-0"), "no negative zero");
}

#[test]
fn the_clipboard_table_is_neutralised_and_keeps_its_shape() {
    let d = hostile();
    let req = request(Lang::Zh);
    let cmp = export::comparison(&d, &req).unwrap();
    let tsv = export::tsv(&d, &cmp);
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines.len(), cmp.rows.len() + 1, "one line per row");
    let width = lines[0].split('\t').count();
    for l in &lines {
        let cells: Vec<&str> = l.split('\t').collect();
        assert_eq!(cells.len(), width, "{l}");
        for c in cells {
            assert!(
                c.parse::<f64>().is_ok() || !starts_like_a_formula(c),
                "formula cell {c:?}"
            );
        }
    }
    assert!(
        lines.iter().any(|l| l.contains("\t-16.6\t")),
        "numbers stay numbers"
    );
}

/// The cells of a Markdown table row, split at unescaped pipes.
fn md_cells(line: &str) -> usize {
    let mut n = 0usize;
    let mut escaped = false;
    for c in line.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '|' {
            n += 1;
        }
    }
    n.saturating_sub(1)
}

#[test]
fn markdown_keeps_every_row_in_its_columns_and_no_markup_from_the_data_is_live() {
    let d = hostile();
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let md = String::from_utf8(export::render(&d, &req, Format::Md).unwrap()).unwrap();
    // Tables: every row of a table has as many cells as its header.
    let mut width = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = md_cells(line);
            assert_eq!(*width.get_or_insert(n), n, "row lost its columns: {line}");
        } else {
            width = None;
        }
    }
    assert!(
        !md.lines().any(|l| l.starts_with("# Injected")),
        "no heading injected"
    );
    assert_eq!(
        md.lines().filter(|l| l.starts_with("# ")).count(),
        1,
        "one title"
    );
    assert!(
        !md.contains("<img") && !md.contains("<script"),
        "no live HTML"
    );
    assert!(md.contains("&lt;img"), "the text is still there, escaped");
    assert!(!md.contains(RLO), "no bidi override");
    assert!(md.contains("\\#"), "the title's # escaped");
}

#[test]
fn html_escapes_and_isolates_user_text() {
    let d = hostile();
    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "no live markup"
    );
    assert!(!html.contains(RLO), "bidi override neutralised");
    assert!(
        html.contains("<bdi>=HYPERLINK"),
        "names isolated from the text around them"
    );
    let md =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Md).unwrap()).unwrap();
    assert!(!md.contains(RLO));
}

#[test]
fn an_xlsx_cell_beyond_excels_limit_is_shortened_visibly_and_named_not_fatal() {
    use calamine::{Data, Reader, Xlsx};
    let mut d = seed();
    let long = "长".repeat(40_000);
    for c in &mut d.clusters {
        if c.id == "guangdong-six-city-nev" {
            c.name = Text::new(long.clone(), long.clone());
            for p in &mut c.policies {
                p.source.quote = "q".repeat(50_000);
            }
        }
    }
    let (bytes, notes) =
        export::render_with_notes(&d, &request(Lang::En), Format::Xlsx, What::Comparison).unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("Policies!H") && n.contains("Quote")),
        "the field is named: {notes:?}"
    );
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    for s in [
        "Comparison",
        "Targets",
        "Policies",
        "Clusters",
        "Sources",
        "Notes",
    ] {
        assert!(wb.sheet_names().iter().any(|n| n == s), "{s} kept");
    }
    let clusters = wb.worksheet_range("Clusters").unwrap();
    let name = clusters
        .rows()
        .find_map(|r| match &r[0] {
            Data::String(s) if s.starts_with('长') => Some(s.clone()),
            _ => None,
        })
        .expect("the long name, shortened");
    assert!(name.encode_utf16().count() <= 32_767);
    assert!(
        name.ends_with("… [truncated: 40000 characters]"),
        "{}",
        &name[name.len() - 60..]
    );
    let header = wb.worksheet_range("Comparison").unwrap();
    let h = header.rows().next().unwrap();
    assert!(
        h.iter().any(
            |c| matches!(c, Data::String(s) if s.starts_with('长') && s.chars().count() <= 100)
        ),
        "headers carry a shortened name"
    );
    let notes_sheet = wb.worksheet_range("Notes").unwrap();
    assert!(notes_sheet.rows().count() >= 2);
}

#[cfg(unix)]
fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Umask:")).unwrap();
    u32::from_str_radix(line.split_whitespace().nth(1).unwrap(), 8).unwrap()
}

#[cfg(unix)]
#[test]
fn a_new_file_follows_the_umask_and_a_replaced_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("new.csv");
    export::write_atomic(&new, b"a").unwrap();
    let mode = std::fs::metadata(&new).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o666 & !umask(), "new file: {mode:o}");

    let old = dir.path().join("old.csv");
    std::fs::write(&old, "old").unwrap();
    for keep in [0o644, 0o640, 0o664] {
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(keep)).unwrap();
        export::write_atomic(&old, b"new").unwrap();
        let mode = std::fs::metadata(&old).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, keep, "replaced file: {mode:o}");
    }
    assert_eq!(std::fs::read_to_string(&old).unwrap(), "new");
}

#[test]
fn temporary_files_are_named_after_the_target_and_stale_ones_are_cleaned_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sheet.csv");
    // While writing, the temporary file is recognisably ours and named after the target.
    export::write_atomic_with(&path, |f| {
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(".sheet.csv.cluster-compare-") && n.ends_with(".tmp")),
            "{names:?}"
        );
        std::io::Write::write_all(f, b"x")
    })
    .unwrap();
    // A killed export leaves its temporary file: the next write removes it,
    // but leaves one a running export holds, and other files.
    let stale = dir.path().join(".sheet.csv.cluster-compare-AbC123.tmp");
    let older = dir.path().join(".cluster-compare-XyZ789.tmp");
    let busy = dir.path().join(".other.csv.cluster-compare-BuSy00.tmp");
    let other = dir.path().join(".notes.tmp");
    // Left by an export killed minutes ago: a young one may be a running
    // export's that is not locked yet, and is left alone.
    let minutes_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(600);
    for p in [&stale, &older, &busy, &other] {
        std::fs::write(p, "half").unwrap();
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(minutes_ago)
            .unwrap();
    }
    let held = std::fs::File::open(&busy).unwrap();
    held.lock().unwrap();
    export::write_atomic(&dir.path().join("other.csv"), b"y").unwrap();
    assert!(
        !stale.exists() && !older.exists(),
        "stale temporaries removed"
    );
    assert!(busy.exists(), "a temporary in use is left alone");
    assert!(other.exists(), "files not of our naming are left alone");
    drop(held);
}

#[test]
fn errors_name_the_users_path_and_a_missing_folder() {
    let d = seed();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nonexist").join("file.csv");
    let e = export::export_to(&d, &request(Lang::Zh), Format::Csv, &missing)
        .unwrap_err()
        .to_string();
    assert!(e.contains(&missing.display().to_string()), "{e}");
    assert!(e.contains("does not exist"), "{e}");
    assert!(!e.contains("cluster-compare-"), "no temporary path: {e}");

    let folder = format!("{}/", dir.path().join("nonexist").display());
    let e = export::export_to(&d, &request(Lang::Zh), Format::Csv, Path::new(&folder))
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("does not exist") && !e.contains("Not a directory"),
        "{e}"
    );

    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let e = export::export_to(&d, &request(Lang::Zh), Format::Csv, &file.join("x.csv"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("is a file, not a folder"), "{e}");
    let e = export::export_to(&d, &request(Lang::Zh), Format::Csv, dir.path())
        .unwrap_err()
        .to_string();
    assert!(e.contains("is a folder"), "{e}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "only the file made above");
}

#[test]
fn extreme_values_are_written_briefly_and_alike_and_negative_zero_is_zero() {
    let mut d = seed();
    for c in &mut d.clusters {
        for m in &mut c.metrics {
            match (c.id.as_str(), m.key.as_str()) {
                ("shenzhen-battery-materials", "output_value") => {
                    m.value = 1e308;
                    m.unit = "元".into();
                }
                ("guangdong-six-city-nev", "output_value") => {
                    m.value = 1e-300;
                    m.unit = "元".into();
                }
                ("shenzhen-battery-materials", "listed_firms") => m.value = -0.0,
                _ => {}
            }
        }
    }
    let r = request(Lang::En);
    for fmt in [Format::Csv, Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&d, &r, fmt).unwrap()).unwrap();
        let longest_digits = text
            .split(|c: char| !c.is_ascii_digit())
            .map(str::len)
            .max()
            .unwrap();
        assert!(
            longest_digits < 20,
            "{fmt:?}: a run of {longest_digits} digits"
        );
        assert!(text.contains("e308") || text.contains("e296"), "{fmt:?}");
        assert!(text.contains("e-300") || text.contains("e-312"), "{fmt:?}");
    }
    let rows = csv_fields(&export::render(&d, &r, Format::Csv).unwrap());
    assert!(
        !rows.iter().flatten().any(|f| f == "-0"),
        "no negative zero"
    );
    let listed = rows.iter().find(|r| r[0] == "Listed firms").unwrap();
    assert_eq!(listed[2], "0");
}

// ---------------------------------------------------- sheets a colleague can use

/// The seed with Guangdong's output given Shenzhen's definition, so the two
/// compare (with the seed's own definitions they do not, and no difference
/// is computed: see `differences_across_definitions_are_empty_with_the_reason`).
fn same_output_definition(
    mut d: cluster_compare::model::Dataset,
) -> cluster_compare::model::Dataset {
    let (scope, definition) = d
        .cluster("shenzhen-battery-materials")
        .and_then(|c| c.metrics.iter().find(|m| m.key == "output_value"))
        .map(|m| (m.scope.clone(), m.definition.clone()))
        .unwrap_or_default();
    for c in &mut d.clusters {
        if c.id == "guangdong-six-city-nev" {
            for m in &mut c.metrics {
                if m.key == "output_value" {
                    m.scope = scope.clone();
                    m.definition = definition.clone();
                }
            }
        }
    }
    d
}

#[test]
fn every_export_names_the_baseline_and_csv_differences_are_numbers() {
    let d = same_output_definition(seed());
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    let header = &rows[0];
    let base_col = header
        .iter()
        .position(|h| h == "Shenzhen advanced battery materials cluster (baseline)")
        .expect("the baseline column is marked");
    assert_eq!(base_col, 3, "{header:?}");
    let diff_col = header
        .iter()
        .position(|h| h.contains("vs baseline Shenzhen"))
        .expect("a difference column naming the baseline");
    let out = rows.iter().find(|r| r[0] == "Output value").unwrap();
    let ratio: f64 = out[diff_col].parse().expect("a number");
    assert!((ratio - 1.85e12 / 5.7e11).abs() < 1e-6, "{ratio}");
    assert_eq!(out[2], "ratio");
    // Where the baseline has no figure: empty, with the reason in the note.
    let vehicles = rows.iter().find(|r| r[0] == "Vehicle output").unwrap();
    assert_eq!(vehicles[diff_col], "");
    assert!(
        vehicles[diff_col - 1].contains("the baseline has no figure"),
        "{vehicles:?}"
    );

    for fmt in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&d, &req, fmt).unwrap()).unwrap();
        assert!(text.contains("Baseline: "), "{fmt:?}");
    }
}

#[test]
fn differences_across_definitions_are_empty_with_the_reason() {
    let d = seed();
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    let diff_col = rows[0]
        .iter()
        .position(|h| h.contains("vs baseline"))
        .unwrap();
    let firms = rows.iter().find(|r| r[0] == "Firms").unwrap();
    assert_eq!(firms[diff_col], "");
    assert!(firms[diff_col - 1].contains("different definitions"));
}

#[test]
fn xlsx_has_numeric_differences_targets_as_numbers_and_print_setup_on_every_sheet() {
    use calamine::{Data, Reader, Xlsx};
    use std::io::Read;
    let d = same_output_definition(seed());
    let mut req = request(Lang::En);
    req.baseline = Some(0);
    let bytes = export::render(&d, &req, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    let cmp = wb.worksheet_range("Comparison").unwrap();
    let header: Vec<String> = cmp
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let diff_col = header
        .iter()
        .position(|h| h.contains("vs baseline"))
        .unwrap();
    let out = cmp
        .rows()
        .find(|r| r[0] == Data::String("Output value".into()))
        .unwrap();
    assert!(
        matches!(out[diff_col], Data::Float(f) if (f - 3.2456).abs() < 1e-3),
        "{:?}",
        out[diff_col]
    );

    let targets = wb.worksheet_range("Targets").unwrap();
    let th: Vec<String> = targets
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let value_col = th.iter().position(|h| h == "Target value").unwrap();
    let values: Vec<&Data> = targets.rows().skip(1).map(|r| &r[value_col]).collect();
    assert!(!values.is_empty());
    assert!(
        values.iter().all(|v| matches!(v, Data::Float(_))),
        "{values:?}"
    );
    assert!(values.contains(&&Data::Float(530.0)));

    let sources = wb.worksheet_range("Sources").unwrap();
    let files: Vec<&str> = d.sources.iter().filter_map(|s| s.file.as_deref()).collect();
    for r in sources.rows() {
        for c in r {
            assert!(
                !files.iter().any(|f| c.to_string().contains(f)),
                "internal file name {c}"
            );
        }
    }

    // Print setup, read from the sheets' XML.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut workbook = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut workbook)
        .unwrap();
    let sheets: Vec<String> = zip
        .file_names()
        .filter_map(Result::ok)
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .map(|n| n.into_owned())
        .collect();
    assert!(sheets.len() >= 5);
    for name in &sheets {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(
            xml.contains("orientation=\"landscape\""),
            "{name} landscape"
        );
        assert!(
            xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
            "{name} fit to page"
        );
        assert!(
            xml.contains("fitToHeight=\"0\""),
            "{name} as many pages tall as it takes"
        );
        // The data's title and the sheet's name head every page, the page
        // number ends it.
        assert!(
            xml.contains("<oddHeader>&amp;L") && xml.contains("&amp;R&amp;A</oddHeader>"),
            "{name} header: {}",
            &xml[xml.find("<headerFooter").unwrap_or(0)..]
        );
        assert!(
            xml.contains("<oddFooter>&amp;C&amp;P / &amp;N</oddFooter>"),
            "{name} page number"
        );
    }
    let header = zip_text(&mut zip, "xl/worksheets/sheet1.xml");
    let header = &header[header.find("<oddHeader>").unwrap()..];
    assert!(
        header.contains("national advanced manufacturing clusters"),
        "the data's title in the header: {header}"
    );
    // Rows with wrapped notes are as tall as their lines, so that they do
    // not print over the next row (LibreOffice keeps a row's given height).
    let sheet1 = zip_text(&mut zip, "xl/worksheets/sheet1.xml");
    let tall = sheet1
        .split("<row r=\"")
        .skip(2)
        .filter_map(|r| {
            let ht = r.split(" ht=\"").nth(1)?.split('"').next()?;
            ht.parse::<f64>().ok()
        })
        .filter(|h| *h > 15.0)
        .count();
    assert!(tall > 0, "some row taller than one line");
    // The metric and unit columns repeat on every page across.
    assert!(
        workbook.contains("Comparison!$A:$B,Comparison!$1:$1"),
        "{workbook}"
    );
    assert_eq!(
        workbook.matches("_xlnm.Print_Titles").count(),
        sheets.len(),
        "header row repeated on every sheet"
    );
}

fn zip_text<R: std::io::Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> String {
    use std::io::Read;
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn html_has_the_targets_and_sources_show_title_publisher_and_date_not_file_names() {
    let d = cluster_targets(seed());
    let html =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Html).unwrap()).unwrap();
    let targets = &html[html.find("<h2>Targets</h2>").expect("a targets table")..];
    let targets = &targets[..targets.find("</table>").unwrap()];
    let n = d.cluster("guangdong-six-city-nev").unwrap().targets.len();
    assert_eq!(
        targets.matches("<tr>").count(),
        n + 1,
        "header and one row per target"
    );
    assert!(targets.contains("5.3 million vehicles") && targets.contains("94%"));
    let md =
        String::from_utf8(export::render(&d, &request(Lang::En), Format::Md).unwrap()).unwrap();
    for s in d.sources.iter() {
        if let Some(f) = &s.file {
            assert!(
                !html.contains(f.as_str()) && !md.contains(f.as_str()),
                "{f}"
            );
        }
        assert!(!md.contains(&format!("`{}`", s.id)), "internal id {}", s.id);
    }
    let cmp = export::comparison(&d, &request(Lang::En)).unwrap();
    for id in &cmp.cited_sources {
        let s = d.source(id).unwrap();
        for part in [s.title.get(Lang::En), s.publisher.get(Lang::En), &s.date] {
            assert!(html.contains(&export::safe::html(part)), "{part}");
        }
    }
}

#[test]
fn policies_are_in_every_export() {
    use calamine::{Data, Reader, Xlsx};
    let d = seed();
    let req = request(Lang::En);
    let gd = d.cluster("guangdong-six-city-nev").unwrap();
    let title = gd.policies[0].title.get(Lang::En);
    let (csv, _) = export::render_with_notes(&d, &req, Format::Csv, What::Policies).unwrap();
    let rows = csv_fields(&csv);
    assert_eq!(
        rows[0],
        [
            "Cluster",
            "Title",
            "Issuer",
            "Year",
            "Categories",
            "Summary",
            "Source document",
            "Quote"
        ]
    );
    let n: usize = req
        .ids
        .iter()
        .map(|id| d.cluster(id).unwrap().policies.len())
        .sum();
    assert_eq!(rows.len(), n + 1, "one row per policy");
    let row = rows.iter().find(|r| r[1] == title).unwrap();
    assert_eq!(row[0], gd.name.get(Lang::En), "{row:?}");
    assert!(!row[7].is_empty(), "the quote");
    if let Some(y) = gd.policies[0].year {
        assert_eq!(row[3], y.to_string());
    }

    let bytes = export::render(&d, &req, Format::Xlsx).unwrap();
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let p = wb.worksheet_range("Policies").unwrap();
    assert_eq!(p.rows().count(), n + 1);
    assert!(p.rows().any(|r| r[1] == Data::String(title.into())));

    for fmt in [Format::Md, Format::Html] {
        let text = String::from_utf8(export::render(&d, &req, fmt).unwrap()).unwrap();
        assert!(text.contains("Policies"), "{fmt:?}");
        let escaped = export::safe::html(title);
        assert!(
            text.contains(&escaped) || text.contains(&export::safe::md(title)),
            "{fmt:?}"
        );
    }
    assert!(export::render_with_notes(&d, &req, Format::Xlsx, What::Policies).is_err());
}

#[test]
fn a_ten_thousand_character_name_is_shortened_in_titles_and_headers() {
    let mut d = seed();
    let long = "Z".repeat(10_000);
    for c in &mut d.clusters {
        if c.id == "shenzhen-battery-materials" {
            c.name = Text::new(long.clone(), long.clone());
        }
    }
    let req = request(Lang::En);
    let md = String::from_utf8(export::render(&d, &req, Format::Md).unwrap()).unwrap();
    let title = md.lines().next().unwrap();
    assert!(
        title.chars().count() < 300,
        "title of {} chars",
        title.chars().count()
    );
    assert!(title.contains('…'));
    let header = md.lines().find(|l| l.starts_with("| Metric")).unwrap();
    assert!(header.chars().count() < 400);
    assert!(
        md.contains(&long),
        "the full name kept in the list of clusters"
    );
    let html = String::from_utf8(export::render(&d, &req, Format::Html).unwrap()).unwrap();
    let h1 = &html[html.find("<h1>").unwrap()..html.find("</h1>").unwrap()];
    assert!(h1.chars().count() < 300);
    let rows = csv_fields(&export::render(&d, &req, Format::Csv).unwrap());
    assert!(
        rows[0].iter().all(|h| h.chars().count() < 200),
        "CSV headers shortened"
    );
}

#[test]
fn png_with_a_ten_thousand_character_name_still_shows_the_comparison() {
    let mut d = seed();
    let long = "W".repeat(10_000);
    for c in &mut d.clusters {
        if c.id == "shenzhen-battery-materials" {
            c.name = Text::new(long.clone(), long.clone());
        }
    }
    let mut r = request(Lang::En);
    r.png = PngOptions {
        width: 1920,
        height: 1440,
        scale: 1.0,
        ..PngOptions::default()
    };
    let bytes = export::render(&d, &r, Format::Png).unwrap();
    let img = image::load_from_memory(&bytes).unwrap().to_rgba8();
    let has = |rgb: [u8; 3]| img.pixels().any(|p| p.0[..3] == rgb);
    assert!(
        has([0x00, 0x72, 0xb2]),
        "first cluster's panel and bars drawn"
    );
    assert!(
        has([0xd5, 0x5e, 0x00]),
        "second cluster's panel and bars drawn"
    );
}

/// The comparison table's row of `metric` in an HTML page: its cells' texts.
fn html_row(html: &str, metric: &str) -> Vec<String> {
    let at = html
        .find(&format!("<tr><td><bdi>{metric}</bdi></td>"))
        .unwrap_or_else(|| panic!("no row {metric}"));
    let row = &html[at..at + html[at..].find("</tr>").unwrap()];
    row.split("<td")
        .skip(1)
        .map(|c| {
            let c = &c[c.find('>').unwrap() + 1..];
            c[..c.find("</td>").unwrap()]
                .replace("<bdi>", "")
                .replace("</bdi>", "")
        })
        .collect()
}

#[test]
fn html_gives_the_unit_its_own_column_and_money_reads_in_yi_and_billions() {
    let d = seed();
    for (lang, metric, unit) in [
        (Lang::Zh, "产值", "亿元"),
        (Lang::En, "Output value", "CNY bn"),
    ] {
        let html =
            String::from_utf8(export::render(&d, &request(lang), Format::Html).unwrap()).unwrap();
        let row = html_row(&html, metric);
        assert_eq!(row[1], unit, "{lang:?}: {row:?}");
        for cell in &row[2..row.len() - 1] {
            assert!(
                !cell.contains("亿元") && !cell.contains("CNY") && !cell.contains("万亿"),
                "{lang:?}: the unit is in its own column: {cell}"
            );
            assert!(
                !cell.starts_with("0."),
                "{lang:?}: no 0.xx of a larger unit: {cell}"
            );
        }
    }
}
