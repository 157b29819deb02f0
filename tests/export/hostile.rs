//! Hostile input: data files come from anyone. Names that are formulas, markup,
//! line breaks, bidirectional overrides or 40,000 characters long must not turn
//! an export against its reader, nor cost the export.

use super::*;

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
