//! Line wrapping for text output: to the terminal's width on a terminal,
//! nothing cut and nothing wrapped when the output is piped or written to
//! a file (each finding is then one line, for `grep`).
//!
//! Widths are counted in terminal columns (`unicode-width`), not bytes or
//! characters: Vietnamese letters with combining marks in NFD take one
//! column for two characters. ANSI colour codes take none. A word longer
//! than the line is never split: it gets a line of its own.

use unicode_width::UnicodeWidthStr;

/// Narrowest width wrapped to: a narrower terminal is taken to be this
/// wide (see [`terminal_width`]).
pub const MIN_WIDTH: usize = 40;

/// The width to wrap stdout's text to: the terminal's columns (at least
/// [`MIN_WIDTH`]) when stdout is a terminal, `None` (print whole) when it
/// is piped or redirected.
pub fn terminal_width() -> Option<usize> {
    console::Term::stdout()
        .size_checked()
        .map(|(_, cols)| usize::from(cols).max(MIN_WIDTH))
}

/// The columns `s` takes on a terminal, ANSI SGR codes (`ESC [ … m`) left
/// out.
pub fn columns(s: &str) -> usize {
    let mut visible = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            visible.push(c);
        }
    }
    visible.width()
}

/// `first` (a prefix such as `  error[OG006] reporting-chain: `) then the
/// words of `text`; continuation lines start with `indent`. With a width,
/// lines are filled to at most that many columns; without, `text` follows
/// `first` on one line. Ends with a newline.
///
/// ```
/// use obligraph::report::wrap::hanging;
/// let s = hanging("- ", "một hai ba bốn năm sáu", "  ", Some(10));
/// assert_eq!(s, "- một hai\n  ba bốn\n  năm sáu\n");
/// assert_eq!(hanging("- ", "một  hai\nba", "  ", None), "- một hai ba\n");
/// ```
pub fn hanging(first: &str, text: &str, indent: &str, width: Option<usize>) -> String {
    let mut out = String::from(first);
    let mut col = columns(first);
    let mut line_has_word = false;
    for word in text.split_whitespace() {
        let w = columns(word);
        let fits = match width {
            None => true,
            Some(l) => !line_has_word || col + 1 + w <= l,
        };
        if line_has_word && !fits {
            out.push('\n');
            out.push_str(indent);
            col = columns(indent);
            line_has_word = false;
        }
        if line_has_word {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        line_has_word = true;
    }
    out.push('\n');
    out
}

/// [`hanging`] with the same indent on every line.
pub fn indented(text: &str, indent: &str, width: Option<usize>) -> String {
    hanging(indent, text, indent, width)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_is_wider_than_the_width_unless_one_word_is() {
        let text = "Định kỳ trước ngày 20/11 hàng năm hoặc đột xuất tổng hợp, tham mưu \
                    Ủy ban nhân dân tỉnh báo cáo Bộ Tư pháp kết quả thực hiện Kế hoạch";
        for width in [40, 57, 80, 120] {
            let s = hanging(
                "  warning[OG005] looser-deadline: ",
                text,
                "      ",
                Some(width),
            );
            for line in s.lines() {
                assert!(columns(line) <= width, "{width}: {line:?}");
            }
            // Nothing lost: the same words in the same order.
            let words: Vec<&str> = s.split_whitespace().skip(2).collect();
            assert_eq!(words, text.split_whitespace().collect::<Vec<_>>());
        }
    }

    #[test]
    fn colour_codes_take_no_columns() {
        assert_eq!(columns("\x1b[1;31merror\x1b[0m"), 5);
        // NFD: "ệ" as e + two combining marks is one column.
        assert_eq!(columns("e\u{0323}\u{0302}"), 1);
    }

    #[test]
    fn a_long_word_is_not_split() {
        let url = "https://thuvienphapluat.vn/van-ban/Quyen-dan-su/Quyet-dinh-2715-QD-TTg-2025";
        let s = hanging("", &format!("xem {url} nhé"), "", Some(40));
        assert_eq!(s, format!("xem\n{url}\nnhé\n"));
    }
}
