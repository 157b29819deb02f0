//! What went wrong in the app shell, kept typed so it is written in the
//! language shown at the time (a notice stays up while the language changes).

use std::fmt;
use std::path::PathBuf;

use crate::model::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum AppError {
    /// Reading or writing a file failed (the system's message).
    Io(String),
    /// A file larger than the app reads for its kind.
    TooLarge { limit_mib: u64 },
    /// Not JSON of a view file (the parser's message).
    NotAViewFile(String),
    /// JSON, but its `format` names something else.
    OtherFormat(String),
    /// A view file written by a newer app.
    NewerViewFile { version: u32, reads: u32 },
    /// A file to read is not there.
    NoSuchFile(PathBuf),
    /// A folder where a file is needed.
    IsAFolder(PathBuf),
    /// A file where a folder is needed.
    NotAFolder(PathBuf),
    /// The folder to write into is not there.
    NoSuchFolder(PathBuf),
    /// A device, pipe or socket where a file is read.
    NotARegularFile,
    /// A text file that is not UTF-8.
    NotUtf8,
}

impl AppError {
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (AppError::Io(e), _) => e.clone(),
            (AppError::TooLarge { limit_mib }, Lang::Zh) => format!("文件大于 {limit_mib} MiB"),
            (AppError::TooLarge { limit_mib }, Lang::En) => format!("larger than {limit_mib} MiB"),
            (AppError::NotAViewFile(e), Lang::Zh) => format!("不是有效的视图文件（{e}）"),
            (AppError::NotAViewFile(e), Lang::En) => format!("not a valid view file ({e})"),
            (AppError::OtherFormat(f), _) => format!(
                "{}{}",
                crate::words::NOT_A_VIEW_FILE_FORMAT_IS.get(lang),
                format_args!("“{}”", f.escape_debug())
            ),
            (AppError::NewerViewFile { version, reads }, Lang::Zh) => {
                format!("视图文件版本 {version} 由更新的版本写出；此版本可读取到 {reads}")
            }
            (AppError::NewerViewFile { version, reads }, Lang::En) => format!(
                "view file version {version} was written by a newer app; this one reads up to {reads}"
            ),
            (AppError::NoSuchFile(p), Lang::Zh) => format!("没有这个文件：{}", p.display()),
            (AppError::NoSuchFile(p), Lang::En) => format!("There is no file {}", p.display()),
            (AppError::IsAFolder(p), Lang::Zh) => {
                format!("{} 是文件夹；请在后面加上文件名", p.display())
            }
            (AppError::IsAFolder(p), Lang::En) => {
                format!("{} is a folder; add a file name to it", p.display())
            }
            (AppError::NotAFolder(p), Lang::Zh) => {
                format!("{} 是文件；这里需要一个文件夹", p.display())
            }
            (AppError::NotAFolder(p), Lang::En) => {
                format!("{} is a file; a folder is needed here", p.display())
            }
            (AppError::NotARegularFile, Lang::Zh) => {
                "不是普通文件（设备、管道或套接字）".to_owned()
            }
            (AppError::NotARegularFile, Lang::En) => {
                "is not a regular file (a device, pipe or socket)".to_owned()
            }
            (AppError::NotUtf8, Lang::Zh) => "不是 UTF-8 文本".to_owned(),
            (AppError::NotUtf8, Lang::En) => "is not UTF-8 text".to_owned(),
            (AppError::NoSuchFolder(p), Lang::Zh) => format!("文件夹 {} 不存在", p.display()),
            (AppError::NoSuchFolder(p), Lang::En) => {
                format!("The folder {} does not exist", p.display())
            }
        }
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for AppError {}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        AppError::Io(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_reads_in_both_languages() {
        let e = AppError::NewerViewFile {
            version: 9,
            reads: 1,
        };
        assert!(e.text(Lang::En).contains("newer"));
        assert!(e.text(Lang::Zh).contains("更新"));
        assert_eq!(e.to_string(), e.text(Lang::En));
    }
}
