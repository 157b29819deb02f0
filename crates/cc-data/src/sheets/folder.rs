//! The dataset's sheets as CSV files in a folder: `sources.csv`,
//! `metric-keys.csv`, `definitions.csv`, `clusters.csv`, `figures.csv`,
//! `targets.csv`, `policies.csv` and `more.csv`, each with the workbook
//! sheet's header row and columns ([`super::SHEETS`]). Read with the `csv`
//! crate into the same cells a workbook gives, checked by the same rules,
//! every problem placed as `figures.csv:LINE:COLUMN (header)`, all at once.
//! [`files`] writes the folder (`cluster-compare template --format csv`).

use std::collections::HashMap;
use std::path::Path;

use super::{Cell, Grid, SHEETS, SheetId, read, spec};
use crate::load::{Capped, LoadError, Loaded, MAX_FILE_BYTES, Problem, Severity, read_capped};
use crate::model::{Dataset, Lang};

/// The file a sheet is kept in: `figures.csv`, `metric-keys.csv`.
pub fn file_name(id: SheetId) -> String {
    format!("{}.csv", spec(id).name.to_lowercase().replace(' ', "-"))
}

/// `figures.csv:12:4 (unit)`: a cell by file, line and column (row and
/// column counted from 0, shown from 1), with its column's header.
pub fn cell_name(id: SheetId, row: u32, col: usize, header: &str) -> String {
    let mut s = format!("{}:{}:{}", file_name(id), u64::from(row) + 1, col + 1);
    if !header.is_empty() {
        s.push_str(&format!(" ({header})"));
    }
    s
}

/// True where `path` is a folder holding at least one of the sheets' CSV
/// files (any case).
pub fn holds_sheets(path: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let names: Vec<String> = SHEETS.iter().map(|s| file_name(s.id)).collect();
    entries.flatten().any(|e| {
        e.file_name()
            .to_str()
            .is_some_and(|n| names.contains(&n.to_lowercase()))
    })
}

/// What a folder without any of the sheets is told.
pub(super) fn no_sheets() -> Problem {
    let wanted: Vec<String> = SHEETS.iter().map(|s| file_name(s.id)).collect();
    Problem::error(
        "",
        format!(
            "文件夹中没有数据表：应有 {} 等 CSV 文件；`cluster-compare template --format csv -o 文件夹` 可生成模板",
            wanted.join("、")
        ),
        format!(
            "no dataset sheets in the folder: expected CSV files such as {}; `cluster-compare template --format csv -o FOLDER` writes them to fill in",
            wanted.join(", ")
        ),
    )
}

/// A sheet the folder must hold and does not (zh, en).
pub(super) fn missing(id: SheetId) -> (String, String) {
    let f = file_name(id);
    (
        format!("文件夹中缺少 `{f}`"),
        format!("the folder has no `{f}`"),
    )
}

fn msg(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// One CSV file's cells. Each record's row is its line in the file less one
/// (a cell with line breaks moves the next record down), the header row 0.
pub fn grid(name: &str, bytes: &[u8]) -> Result<Grid, Problem> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(Problem::error(
                format!("{name}:{line}"),
                format!(
                    "不是 UTF-8 文本（第 {} 个字节为 0x{:02X}）；请在表格软件中另存为“CSV UTF-8（逗号分隔）”",
                    e.valid_up_to() + 1,
                    bytes[e.valid_up_to()]
                ),
                format!(
                    "not UTF-8 text (byte {} is 0x{:02X}); save it from the spreadsheet program as “CSV UTF-8 (comma delimited)”",
                    e.valid_up_to() + 1,
                    bytes[e.valid_up_to()]
                ),
            ));
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The reader's own line count leaves out line breaks inside quotes:
    // lines are counted here from the byte where each record starts.
    let starts: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .map(|(i, _)| i)
        .collect();
    // A record's position is where reading it began: blank lines before it
    // are stepped over first.
    let line_at = |byte: u64| {
        let mut b = usize::try_from(byte).unwrap_or(usize::MAX);
        while matches!(text.as_bytes().get(b), Some(b'\n' | b'\r')) {
            b += 1;
        }
        starts.partition_point(|&i| i < b) + 1
    };
    let mut g = Grid::default();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| line_at(p.byte()));
            let place = if line > 0 {
                format!("{name}:{line}")
            } else {
                name.to_owned()
            };
            Problem::error(
                place,
                format!("无法按 CSV 读取：{e}"),
                format!("cannot be read as CSV: {e}"),
            )
        })?;
        let row = if g.rows.is_empty() {
            0
        } else {
            let line = rec.position().map_or(0, |p| line_at(p.byte()));
            // Never at or above the row before (a position the reader cannot give).
            let last = g.rows.last().map_or(0, |(r, _)| *r);
            u32::try_from(line.saturating_sub(1))
                .unwrap_or(u32::MAX)
                .max(last + 1)
        };
        let mut cells: Vec<Cell> = rec
            .iter()
            .map(|s| {
                if s.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(crate::formula::unguard(s).to_owned())
                }
            })
            .collect();
        while cells.last().is_some_and(|c| *c == Cell::Empty) {
            cells.pop();
        }
        // The header stays row 0 even when blank, so data rows never take its place.
        if !cells.is_empty() || g.rows.is_empty() {
            g.rows.push((row, cells));
        }
    }
    Ok(g)
}

/// Reads and loads a folder of sheets as CSV files, with problems in `lang`.
/// Only regular files are read, at most [`MAX_FILE_BYTES`] in all.
pub fn load_path(dir: &Path, lang: Lang) -> Result<Loaded, LoadError> {
    let file = dir.display().to_string();
    let fail = |problems: Vec<Problem>| LoadError {
        file: file.clone(),
        problems,
    };
    let entries = std::fs::read_dir(dir).map_err(|e| {
        fail(vec![Problem::error(
            "",
            format!("无法读取文件夹：{e}"),
            format!("cannot read the folder: {e}"),
        )])
    })?;
    // The folder's files by lower-case name.
    let mut found: HashMap<String, std::path::PathBuf> = HashMap::new();
    for e in entries.flatten() {
        if let Some(n) = e.file_name().to_str() {
            found.insert(n.to_lowercase(), e.path());
        }
    }
    let mut problems = Vec::new();
    let mut sheets = Vec::new();
    let mut total: u64 = 0;
    for s in SHEETS {
        let name = file_name(s.id);
        let Some(path) = found.get(&name) else {
            continue;
        };
        let bytes = std::fs::metadata(path)
            .map_err(|e| e.to_string())
            .and_then(|m| {
                if m.is_file() {
                    Ok(())
                } else {
                    Err(msg(
                        lang,
                        "不是普通文件".into(),
                        "is not a regular file".into(),
                    ))
                }
            })
            .and_then(|()| std::fs::File::open(path).map_err(|e| e.to_string()))
            .and_then(|f| {
                read_capped(f, MAX_FILE_BYTES.saturating_sub(total)).map_err(|e| match e {
                    Capped::TooLarge => msg(
                        lang,
                        "数据表合计超过 64 MiB".into(),
                        "the sheets hold more than 64 MiB in all".into(),
                    ),
                    Capped::Io(e) => e.to_string(),
                })
            });
        match bytes {
            Ok(b) => {
                total += b.len() as u64;
                match grid(&name, &b) {
                    Ok(g) => sheets.push((s.name.to_owned(), g)),
                    Err(p) => problems.push(p),
                }
            }
            Err(e) => problems.push(Problem::error(name.clone(), String::new(), e)),
        }
    }
    let read = read::read_as(&file, &sheets, lang, true);
    if problems.is_empty() {
        return read;
    }
    // A file that could not be read is an error beside all the others.
    match read {
        Ok(l) => problems.extend(l.warnings),
        Err(e) => problems.extend(e.problems),
    }
    problems.sort_by_key(|p| p.severity);
    debug_assert!(problems.iter().any(|p| p.severity == Severity::Error));
    Err(fail(problems))
}

/// A cell as CSV text: formula-like text behind a `'` (taken off again when
/// read), numbers in their shortest exact form, TRUE/FALSE.
fn text(c: &Cell) -> String {
    match c {
        Cell::Empty => String::new(),
        Cell::Text(s) => crate::formula::guard(s).into_owned(),
        Cell::Date(s) | Cell::Error(s) => s.clone(),
        Cell::Number(v) => format!("{v}"),
        Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
    }
}

/// The folder's files for `d`: each sheet as CSV (UTF-8 with a byte-order
/// mark, so spreadsheet programs read Chinese right), its header row
/// first, no text cell a spreadsheet could run as a formula. Reading them back ([`load_path`]) gives `d` again.
pub fn files(d: &Dataset) -> Vec<(String, Vec<u8>)> {
    super::rows(d)
        .into_iter()
        .map(|r| {
            let mut out = "\u{feff}".as_bytes().to_vec();
            {
                let mut w = csv::Writer::from_writer(&mut out);
                let head: Vec<&str> = r.sheet.columns.iter().map(|c| c.header).collect();
                // Writing into memory cannot fail.
                let _ = w.write_record(&head);
                for row in &r.rows {
                    let mut cells: Vec<String> = row.iter().map(text).collect();
                    cells.resize(head.len().max(cells.len()), String::new());
                    let _ = w.write_record(&cells);
                }
                let _ = w.flush();
            }
            (file_name(r.sheet.id), out)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sheet_has_its_file() {
        let names: Vec<String> = SHEETS.iter().map(|s| file_name(s.id)).collect();
        assert_eq!(
            names,
            [
                "sources.csv",
                "metric-keys.csv",
                "definitions.csv",
                "clusters.csv",
                "figures.csv",
                "targets.csv",
                "policies.csv",
                "more.csv"
            ]
        );
        assert_eq!(
            cell_name(SheetId::Figures, 11, 3, "unit"),
            "figures.csv:12:4 (unit)"
        );
    }

    #[test]
    fn rows_are_lines_and_a_quoted_line_break_moves_the_next_down() {
        let g = grid("figures.csv", "\u{feff}a,b\n1,\"x\ny\"\n\n3,4\n".as_bytes()).unwrap();
        let rows: Vec<u32> = g.rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, [0, 1, 4]);
        assert_eq!(g.rows[1].1[1], Cell::Text("x\ny".into()));
    }

    #[test]
    fn what_is_not_utf8_or_csv_is_named_with_its_line() {
        let e = grid("figures.csv", b"a,b\n\xb5\xa5,1\n").unwrap_err();
        assert_eq!(e.path, "figures.csv:2");
        assert!(
            e.message_in(Lang::En).contains("CSV UTF-8"),
            "{}",
            e.message
        );
        assert!(e.message_in(Lang::Zh).contains("另存为"), "{}", e.zh);
    }
}
