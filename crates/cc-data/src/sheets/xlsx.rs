//! Reading an `.xlsx` workbook's cells with calamine: formulas give their
//! cached values, dates become `YYYY-MM-DD`, and what is not a workbook is
//! refused with the file's name, never a panic.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};

use super::{Cell, Grid, read};
use crate::load::{Capped, LoadError, Loaded, MAX_FILE_BYTES, Problem, read_capped};
use crate::model::Lang;

/// True where `path` names a workbook (`.xlsx`, any case).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

fn fail(file: &str, message: String) -> LoadError {
    let zh = if let Some(e) = message.strip_prefix("cannot read the file: ") {
        format!("无法读取文件：{e}")
    } else if message.starts_with("is not a regular file") {
        "不是普通文件；应为 .xlsx 工作簿".to_owned()
    } else if message.starts_with("not an Excel workbook") {
        format!("不是本程序能读取的 Excel 工作簿（.xlsx）；请在表格软件中另存为 .xlsx（{message}）")
    } else if message.contains("a dataset may be at most 64 MiB") {
        format!("文件过大；数据集最大 64 MiB（{message}）")
    } else {
        format!("无法读取工作簿：{message}")
    };
    LoadError {
        file: file.to_owned(),
        problems: vec![Problem::error("", zh, message)],
    }
}

/// Reads and loads a workbook file (at most [`MAX_FILE_BYTES`], a regular
/// file only), with problems in `lang`.
pub fn load_path(path: &Path, lang: Lang) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let meta =
        std::fs::metadata(path).map_err(|e| fail(&file, format!("cannot read the file: {e}")))?;
    if !meta.is_file() {
        return Err(fail(
            &file,
            "is not a regular file; expected an .xlsx workbook".into(),
        ));
    }
    let f =
        std::fs::File::open(path).map_err(|e| fail(&file, format!("cannot read the file: {e}")))?;
    let bytes = read_capped(f, MAX_FILE_BYTES).map_err(|e| match e {
        Capped::TooLarge => fail(
            &file,
            format!(
                "the file holds more than {MAX_FILE_BYTES} bytes; a dataset may be at most 64 MiB"
            ),
        ),
        Capped::Io(e) => fail(&file, format!("cannot read the file: {e}")),
    })?;
    load_bytes(&file, &bytes, lang)
}

/// Loads a workbook from its bytes; `file` names it in problems.
pub fn load_bytes(file: &str, bytes: &[u8], lang: Lang) -> Result<Loaded, LoadError> {
    let sheets = grids(bytes).map_err(|e| fail(file, e))?;
    read(file, &sheets, lang)
}

/// Every sheet's cells, by name.
pub fn grids(bytes: &[u8]) -> Result<Vec<(String, Grid)>, String> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "the file is {} bytes; a dataset may be at most 64 MiB",
            bytes.len()
        ));
    }
    let not_xlsx = |e: String| {
        format!(
            "not an Excel workbook (.xlsx) this can read ({e}); save it from the spreadsheet program as .xlsx"
        )
    };
    // calamine is not expected to panic, but the bytes are anyone's.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut wb: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| not_xlsx(e.to_string()))?;
        let mut out = Vec::new();
        for name in wb.sheet_names() {
            let range = wb
                .worksheet_range(&name)
                .map_err(|e| format!("sheet {name}: {e}"))?;
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let mut g = Grid::default();
            for (i, row) in range.rows().enumerate() {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.extend(row.iter().map(cell));
                while cells.last().is_some_and(|c| *c == Cell::Empty) {
                    cells.pop();
                }
                if !cells.is_empty() {
                    g.rows.push((r0 + i as u32, cells));
                }
            }
            out.push((name, g));
        }
        Ok(out)
    }))
    .unwrap_or_else(|_| Err(not_xlsx("the reader failed on it".into())))
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(v) => Cell::Number(*v),
        Data::Int(v) => Cell::Number(*v as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => Cell::Date(serial_date(dt.as_f64())),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::Date(s.split('T').next().unwrap_or(s).to_owned()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// `YYYY-MM-DD` of an Excel date serial (1900 system: day 1 is 1900-01-01,
/// with Excel's phantom 1900-02-29 as day 60).
pub fn serial_date(serial: f64) -> String {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    let day = serial.floor() as i64;
    // Days since 1970-01-01: serial 25569 is 1970-01-01 (for serials past 60).
    let days = if day >= 61 { day - 25569 } else { day - 25568 };
    let (y, m, d) = crate::calendar::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_are_dates() {
        assert_eq!(serial_date(44927.0), "2023-01-01");
        assert_eq!(serial_date(45444.5), "2024-06-01");
        assert_eq!(serial_date(61.0), "1900-03-01");
        assert_eq!(serial_date(1.0), "1900-01-01");
    }

    #[test]
    fn what_is_not_a_workbook_is_refused() {
        for bytes in [
            &b""[..],
            b"{}",
            b"PK\x03\x04 not really a zip",
            &[0xff; 100],
        ] {
            let e = load_bytes("x.xlsx", bytes, Lang::En).unwrap_err();
            assert!(e.to_string().contains("not an Excel workbook"), "{e}");
        }
    }
}
