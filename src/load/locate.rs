//! From JSON paths and byte offsets to line:column.

use super::Pos;

/// Line and column (in characters) of byte `offset`.
pub(super) fn pos_at(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line,
        column: before[line_start..].chars().count() + 1,
    }
}

/// Finds where a JSON path (`clusters[2].metrics[0].unit`) starts in `text`.
/// A small forward scanner over already-valid JSON; `None` if not found.
pub fn locate(text: &str, path: &str) -> Option<Pos> {
    let mut seg = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (name, mut rest) = part.split_once('[').map_or((part, ""), |(n, r)| (n, r));
        if !name.is_empty() {
            seg.push(Seg::Key(name));
        }
        while !rest.is_empty() {
            let (idx, r) = rest.split_once(']')?;
            seg.push(Seg::Index(idx.parse().ok()?));
            rest = r.strip_prefix('[').unwrap_or(r);
        }
    }
    let bytes = text.as_bytes();
    let mut i = skip_ws(bytes, 0);
    for s in seg {
        i = match s {
            Seg::Key(k) => find_key(bytes, i, k)?,
            Seg::Index(n) => find_index(bytes, i, n)?,
        };
    }
    Some(pos_at(text, i))
}

enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// End of the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match b.get(i)? {
        b'"' => {
            let mut j = i + 1;
            while j < b.len() {
                match b[j] {
                    b'\\' => j += 2,
                    b'"' => return Some(j + 1),
                    _ => j += 1,
                }
            }
            None
        }
        b'{' | b'[' => {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_value(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

fn find_key(b: &[u8], i: usize, key: &str) -> Option<usize> {
    if b.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    while b.get(j) == Some(&b'"') {
        let end = skip_value(b, j)?;
        let name = std::str::from_utf8(&b[j + 1..end - 1]).ok()?;
        let colon = skip_ws(b, end);
        let v = skip_ws(b, colon + 1);
        if name == key {
            return Some(v);
        }
        j = skip_ws(b, skip_value(b, v)?);
        if b.get(j) == Some(&b',') {
            j = skip_ws(b, j + 1);
        }
    }
    None
}

fn find_index(b: &[u8], i: usize, n: usize) -> Option<usize> {
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(b, i + 1);
    for _ in 0..n {
        j = skip_ws(b, skip_value(b, j)?);
        if b.get(j) != Some(&b',') {
            return None;
        }
        j = skip_ws(b, j + 1);
    }
    (b.get(j) != Some(&b']')).then_some(j)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_finds_nested_paths() {
        let text = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": 2\n}";
        assert_eq!(locate(text, "c"), Some(Pos { line: 3, column: 8 }));
        assert_eq!(
            locate(text, "a[1].b"),
            Some(Pos {
                line: 2,
                column: 18
            })
        );
        assert_eq!(locate(text, "a[5]"), None);
    }
}
