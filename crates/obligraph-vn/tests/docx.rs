//! `.docx` reading: the fixtures of `tests/fixtures/docx` (made by
//! `make_fixtures.py` from the corpus with python-docx), hostile archives
//! and random bytes.

use std::io::{Cursor, Write};
use std::path::PathBuf;

use obligraph_vn::docx::{docx_to_text, docx_to_text_with, DocxError, DocxLimit, DocxLimits};
use proptest::prelude::*;
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture(name: &str) -> Vec<u8> {
    let path = workspace().join("tests/fixtures/docx").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed(name: &str) -> String {
    let path = workspace().join("examples/data/seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A zip archive holding the given parts, deflated.
fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// A minimal .docx whose body is `body` (WordprocessingML, prefix `w`).
fn docx_with_body(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <w:document xmlns:w=\"{W}\">\n<w:body>{body}</w:body>\n</w:document>\n"
    );
    zip_of(&[("word/document.xml", xml.as_bytes())])
}

// ---------------------------------------------------------------------------
// The Đồng Nai plan

/// Tails of rows that the PDF extraction put at the start of the next
/// numbered row's cells after a page break, checked by reading the plan:
/// (corpus line, cell, text that belongs to the row above). The fixture
/// script `make_fixtures.py` moves the same tails (its `PAGE_TAILS`), since
/// in the Word document a row's text never leaves its row.
const PAGE_TAILS: &[(usize, usize, &str)] = &[
    // 1.7 "… các văn bản hướng dẫn" / "thi hành nhằm …"
    (
        149,
        1,
        "thi hành nhằm đảm bảo quyền tự do tín ngưỡng tôn giáo của mọi người; nâng cao \
              hiệu quả phòng ngừa các hành vi phân biệt đối xử, kỳ thị vì lý do tín ngưỡng, tôn \
              giáo và vi phạm quyền tự do tín ngưỡng, tôn giáo và không tín ngưỡng, tôn giáo)",
    ),
    // B.II.5 "… nghiên cứu, phát triển" / "và ứng dụng trí tuệ nhân tạo …",
    // "Sở Khoa học và" / "Công nghệ", "thực" / "hiện", "Theo hướng dẫn" / "của Bộ".
    (201, 1, "và ứng dụng trí tuệ nhân tạo đến năm 2030"),
    (201, 3, "Công nghệ, các Sở, ngành có liên quan"),
    (201, 4, "hiện theo định kỳ"),
    (201, 5, "của Bộ, ngành trung ương"),
    // B.VI.1's output "… - Bảo đảm nạn nhân" / "được tiếp nhận, …"
    (
        226,
        4,
        "được tiếp nhận, xác minh, xác định, giải cứu, bảo vệ và hỗ trợ kịp thời, hiệu \
              quả theo quy định của pháp luật và đảm bảo nguyên tắc lấy nạn nhân làm trung tâm.",
    ),
    // C "… tuyên truyền, phổ" / "biến, đào tạo …"
    (
        235,
        1,
        "biến, đào tạo và nâng cao nhận thức về các quyền dân sự và chính trị theo Công ước ICCPR",
    ),
    // D.I "… Công ước ICCPR và" / "khuyến nghị theo yêu cầu của Ủy ban Nhân quyền"
    (245, 1, "khuyến nghị theo yêu cầu của Ủy ban Nhân quyền"),
];

/// What the .docx of the Đồng Nai plan must read as, computed from the
/// corpus text independently of the reader: body lines as they are (bold
/// markdown dropped, a bold block over two lines joined), the appendix with
/// HTML tags dropped, whitespace collapsed, the header once and the
/// continuation rows (empty STT) joined to their row with a space, and the
/// page tails of [`PAGE_TAILS`] moved back to the row above.
fn dong_nai_expected() -> Vec<String> {
    let text = seed("dong-nai-74-2026.txt");
    let lines: Vec<&str> = text.lines().collect();
    let header_at = lines.iter().position(|l| l.starts_with("STT\t")).unwrap();
    let last_tab = lines.iter().rposition(|l| l.contains('\t')).unwrap();
    let mut out: Vec<String> = Vec::new();
    let body = |lines: &[&str], out: &mut Vec<String>| {
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            if line.starts_with("**") && line.matches("**").count() == 1 {
                out.push(format!(
                    "{} {}",
                    &line[2..],
                    lines[i + 1].trim_end_matches("**")
                ));
                i += 2;
                continue;
            }
            out.push(line.replace("**", "").trim().to_owned());
            i += 1;
        }
    };
    body(&lines[..header_at], &mut out);
    let clean = |cell: &str| {
        let mut s = String::new();
        let mut in_tag = false;
        for c in cell.chars() {
            match c {
                '<' => {
                    in_tag = true;
                    s.push(' ');
                }
                '>' if in_tag => in_tag = false,
                _ if !in_tag => s.push(c),
                _ => {}
            }
        }
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let header = lines[header_at];
    out.push(header.to_owned());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let append = |cell: &mut String, more: &str| {
        if !more.is_empty() {
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(more);
        }
    };
    for (i, line) in lines
        .iter()
        .enumerate()
        .take(last_tab + 1)
        .skip(header_at + 1)
    {
        if line.trim().is_empty() || *line == header {
            continue;
        }
        let mut cells: Vec<String> = line.split('\t').map(clean).collect();
        cells.resize(6, String::new());
        for &(at, col, tail) in PAGE_TAILS.iter().filter(|t| t.0 == i + 1) {
            let rest = cells[col]
                .strip_prefix(tail)
                .unwrap_or_else(|| panic!("line {at}"));
            cells[col] = rest.trim().to_owned();
            append(&mut rows.last_mut().unwrap()[col], tail);
        }
        match rows.last_mut() {
            Some(prev) if cells[0].is_empty() => {
                for (p, c) in prev.iter_mut().zip(cells) {
                    append(p, &c);
                }
            }
            _ => rows.push(cells),
        }
    }
    out.extend(rows.into_iter().map(|r| r.join("\t")));
    body(&lines[last_tab + 1..], &mut out);
    out
}

#[test]
fn dong_nai_docx_reads_as_the_corpus_text() {
    let text = docx_to_text(&fixture("dong-nai-74-2026.docx")).unwrap();
    let got: Vec<&str> = text.lines().collect();
    let expected = dong_nai_expected();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g, e, "line {}", i + 1);
    }
    assert_eq!(got.len(), expected.len());
    // The appendix: a header, then 71 rows of six cells, one per numbered
    // row of the plan (the STT column, read off the corpus text).
    let rows: Vec<&str> = got.iter().copied().filter(|l| l.contains('\t')).collect();
    assert!(rows.iter().all(|r| r.split('\t').count() == 6));
    let stt: Vec<&str> = rows
        .iter()
        .skip(1)
        .map(|r| r.split('\t').next().unwrap())
        .collect();
    assert_eq!(
        stt.join(" "),
        "A I II I 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 1.10 1.11 1.12 1.13 2 2.1 a b c d 2.2 \
         a b c d 3 3.1 3.2 3.3 3.4 B 1 II 1 2 3 4 5 III IV 1 2 3 4 5 6 7 V 1 2 3 VI 1 2 VII \
         1 2 C 1 2 3 4 D I 1 2 3 II"
    );
    assert_eq!(rows.iter().filter(|r| r.starts_with("STT\t")).count(), 1);
    // A row split across pages in the PDF is one row again.
    assert!(text.contains(
        "1.1\tPháp luật về tình trạng khẩn cấp, trong đó lưu ý về các quyền không thể bị \
         tạm đình chỉ trong tình trạng khẩn cấp, thủ tục thông báo quốc tế khi có tình trạng \
         khẩn cấp.\tBộ Chỉ huy Quân sự tỉnh\tCông an tỉnh; các bộ, ngành liên quan\t\
         Báo cáo rà soát và đề xuất hoàn thiện pháp luật\tTheo yêu cầu của Bộ Quốc phòng hàng năm\n"
    ));
    // Bullet paragraphs of a cell come back with their dash.
    assert!(text.contains(
        "\t- Sở Y tế (đối với vấn đề tuổi trẻ em) - Đề nghị Tòa án nhân dân tỉnh, \
         Viện kiểm sát nhân dân tỉnh chủ trì thực hiện theo chức năng, nhiệm vụ\t"
    ));
    assert!(text.contains("\n- Văn phòng Chính phủ;\n- Bộ Tư pháp;\n"));
}

#[test]
fn nfd_docx_reads_as_nfc() {
    let raw = fixture("dong-nai-74-2026-nfd.docx");
    // The fixture really is decomposed: "Đồng" stored as D-stroke, o,
    // combining circumflex, combining grave.
    let mut archive = zip::ZipArchive::new(Cursor::new(&raw[..])).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("\u{110}o\u{302}\u{300}ng Nai"));
    assert!(!xml.contains("Đồng Nai"));

    let nfd = docx_to_text(&raw).unwrap();
    let nfc = docx_to_text(&fixture("dong-nai-74-2026.docx")).unwrap();
    assert_eq!(nfd, nfc);
    assert!(nfd.contains("Đồng Nai, ngày 05 tháng 02 năm 2026"));
}

// ---------------------------------------------------------------------------
// Merged cells, nested table, long row, numbering

#[test]
fn merged_cells_line_up() {
    let text = docx_to_text(&fixture("merged-cells.docx")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Body: a tab and a line break become spaces; automatic numbering and
    // bullets are rendered.
    assert_eq!(
        &lines[..6],
        [
            "PHỤ LỤC KIỂM THỬ Ô GỘP",
            "Thời gian: hằng năm (trước ngày 05/11) báo cáo Sở Tư pháp",
            "1. Rà soát văn bản",
            "2. Tổng hợp báo cáo",
            "- Sở Tư pháp chủ trì",
            "",
        ]
    );
    let rows = &lines[6..];
    assert_eq!(rows.len(), 6, "{rows:#?}");
    for row in rows {
        assert_eq!(row.split('\t').count(), 6, "{row}");
    }
    assert_eq!(
        rows[0],
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tKết quả dự kiến\tThời hạn"
    );
    // gridSpan 5: the heading, then four empty cells.
    assert_eq!(rows[1], "A\tNhiệm vụ chung\t\t\t\t");
    // vMerge: the lead agency and the deadline once, on the first row.
    assert_eq!(
        rows[2],
        "1\tRà soát văn bản quy phạm pháp luật\tSở Tư pháp\tCông an tỉnh\tBáo cáo rà soát\tHằng năm"
    );
    assert_eq!(
        rows[3],
        "2\tTổng hợp kết quả thực hiện\t\tCác sở, ban, ngành\tBáo cáo tổng hợp\t"
    );
    // The row longer than a page is one line, all 80 bullets in its cell;
    // the nested table is flattened into its cell.
    let long: Vec<&str> = rows[4].split('\t').collect();
    assert_eq!(long[0], "3");
    assert!(long[1].starts_with("Tuyên truyền, phổ biến pháp luật tới: - Nhóm đối tượng số 1 "));
    assert_eq!(long[1].matches(" - Nhóm đối tượng số ").count(), 80);
    assert!(long[1].ends_with("- Nhóm đối tượng số 80 tại các xã, phường"));
    assert_eq!(long[3], "Phối hợp: Công an tỉnh (về an ninh) Sở Y tế");
    assert_eq!(long[5], "Thường xuyên");
    // Preserved spaces between runs.
    assert_eq!(rows[5], "4\tBáo cáo sơ kết\t\t\t\tNăm 2028");
}

#[test]
fn grid_before_and_header_repeats() {
    let header = "<w:tr><w:trPr><w:tblHeader/></w:trPr>\
                  <w:tc><w:p><w:r><w:t>STT</w:t></w:r></w:p></w:tc>\
                  <w:tc><w:p><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p></w:tc></w:tr>";
    let body = format!(
        "<w:tbl>{header}\
         <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>\
         <w:tc><w:p><w:r><w:t>tiếp</w:t></w:r></w:p></w:tc></w:tr>\
         {header}\
         <w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc>\
         <w:tc><w:p><w:r><w:t xml:space=\"preserve\"> a  </w:t><w:t> b </w:t></w:r></w:p></w:tc></w:tr>\
         </w:tbl>"
    );
    let text = docx_to_text(&docx_with_body(&body)).unwrap();
    assert_eq!(text, "STT\tNhiệm vụ\n\ttiếp\n1\ta  b\n");
}

#[test]
fn alternate_content_fallback_and_deleted_text_are_skipped() {
    let body = "<w:p xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">\
                <w:r><w:t>Sở Tư pháp</w:t></w:r>\
                <w:del><w:r><w:delText>Sở Nội vụ</w:delText></w:r></w:del>\
                <mc:AlternateContent><mc:Choice Requires=\"wps\"><w:r><w:t> chủ trì</w:t></w:r></mc:Choice>\
                <mc:Fallback><w:r><w:t> chủ trì</w:t></w:r></mc:Fallback></mc:AlternateContent>\
                </w:p><w:p/><w:p><w:r><w:t>a &amp; b &#x1EA1;</w:t></w:r></w:p>";
    let text = docx_to_text(&docx_with_body(body)).unwrap();
    assert_eq!(text, "Sở Tư phápchủ trì\n\na & b ạ\n");
}

// ---------------------------------------------------------------------------
// Hostile and broken input

fn limit_of(err: DocxError) -> DocxLimit {
    match err {
        DocxError::LimitExceeded { limit, .. } => limit,
        other => panic!("expected a limit error, got {other:?}"),
    }
}

/// A document.xml of about `size` bytes that deflates very well.
fn padded_document(size: usize) -> Vec<u8> {
    let mut xml = format!("<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>").into_bytes();
    xml.resize(size, b'a');
    xml.extend_from_slice(b"</w:t></w:r></w:p></w:body></w:document>");
    xml
}

#[test]
fn declared_size_over_the_limit() {
    let bytes = zip_of(&[("word/document.xml", &padded_document(3 << 20))]);
    let limits = DocxLimits {
        max_decompressed_bytes: 1 << 20,
        max_ratio: u64::MAX,
        ..DocxLimits::default()
    };
    let err = docx_to_text_with(&bytes, &limits).unwrap_err();
    assert!(matches!(
        err,
        DocxError::LimitExceeded { limit: DocxLimit::DeclaredSize, max, value, .. }
            if max == 1 << 20 && value > 3 << 20
    ));
    assert!(err.to_string().contains("word/document.xml"), "{err}");
}

/// Rewrites the uncompressed size of every entry (local header and central
/// directory) to `size`, as a zip bomb lying about its size would.
fn lie_about_size(mut bytes: Vec<u8>, size: u32) -> Vec<u8> {
    let mut i = 0;
    while i + 30 <= bytes.len() {
        match &bytes[i..i + 4] {
            b"PK\x03\x04" => bytes[i + 22..i + 26].copy_from_slice(&size.to_le_bytes()),
            b"PK\x01\x02" => bytes[i + 24..i + 28].copy_from_slice(&size.to_le_bytes()),
            _ => {}
        }
        i += 1;
    }
    bytes
}

#[test]
fn actual_size_over_the_limit_despite_a_small_declared_size() {
    let honest = zip_of(&[("word/document.xml", &padded_document(3 << 20))]);
    let bytes = lie_about_size(honest, 1000);
    let limits = DocxLimits {
        max_decompressed_bytes: 1 << 20,
        max_ratio: u64::MAX,
        ..DocxLimits::default()
    };
    match docx_to_text_with(&bytes, &limits) {
        // Either the reader stops at the limit, or the zip reader stops at
        // the declared size and the data no longer matches its checksum:
        // never 3 MiB read, never text.
        Err(DocxError::LimitExceeded { limit, value, .. }) => {
            assert_eq!(limit, DocxLimit::DecompressedSize);
            assert!(value <= (1 << 20) + 64 * 1024);
        }
        Err(DocxError::Zip { .. } | DocxError::Xml { .. }) => {}
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn compression_ratio_over_the_limit() {
    let bytes = zip_of(&[("word/document.xml", &padded_document(8 << 20))]);
    let err = docx_to_text(&bytes).unwrap_err();
    assert_eq!(limit_of(err), DocxLimit::CompressionRatio);
    // Under the grace size a repetitive part is fine.
    let small = zip_of(&[("word/document.xml", &padded_document(100_000))]);
    let text = docx_to_text(&small).unwrap();
    assert!(text.len() > 99_000 && text.trim_end().bytes().all(|b| b == b'a'));
}

#[test]
fn deep_xml_is_refused() {
    let depth = 10_000;
    let body = format!(
        "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
        "<w:sdt>".repeat(depth),
        "</w:sdt>".repeat(depth)
    );
    let err = docx_to_text(&docx_with_body(&body)).unwrap_err();
    assert!(matches!(
        err,
        DocxError::LimitExceeded {
            limit: DocxLimit::XmlDepth,
            value: 257,
            max: 256,
            ..
        }
    ));
    // Nested tables count too.
    let nested = format!(
        "{}<w:p/>{}",
        "<w:tbl><w:tr><w:tc>".repeat(100),
        "</w:tc></w:tr></w:tbl>".repeat(100)
    );
    let err = docx_to_text(&docx_with_body(&nested)).unwrap_err();
    assert_eq!(limit_of(err), DocxLimit::XmlDepth);
}

#[test]
fn too_many_cells_is_refused() {
    let row = "<w:tr>".to_owned() + &"<w:tc><w:p/></w:tc>".repeat(10) + "</w:tr>";
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(10));
    let bytes = docx_with_body(&body);
    let limits = DocxLimits {
        max_cells: 99,
        ..DocxLimits::default()
    };
    assert_eq!(
        limit_of(docx_to_text_with(&bytes, &limits).unwrap_err()),
        DocxLimit::Cells
    );
    assert_eq!(docx_to_text(&bytes).unwrap().lines().count(), 10);
    // A huge gridSpan is a cell bomb.
    let span = "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"4000000000\"/></w:tcPr>\
                <w:p/></w:tc></w:tr></w:tbl>";
    let err = docx_to_text(&docx_with_body(span)).unwrap_err();
    assert!(matches!(
        err,
        DocxError::LimitExceeded {
            limit: DocxLimit::Cells,
            value: 4_000_000_000,
            ..
        }
    ));
}

#[test]
fn garbage_gives_typed_errors() {
    assert!(matches!(docx_to_text(b""), Err(DocxError::NotZip { .. })));
    assert!(matches!(
        docx_to_text(seed("dong-nai-74-2026.txt").as_bytes()),
        Err(DocxError::NotZip { .. })
    ));
    let no_document = zip_of(&[("word/styles.xml", b"<w:styles/>")]);
    assert_eq!(docx_to_text(&no_document), Err(DocxError::MissingDocument));
}

#[test]
fn malformed_xml_names_line_and_column() {
    let xml = format!(
        "<w:document xmlns:w=\"{W}\">\n<w:body>\n  <w:p><w:r></w:p>\n</w:body></w:document>"
    );
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    let err = docx_to_text(&bytes).unwrap_err();
    let DocxError::Xml {
        part, line, column, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!((part.as_str(), *line), ("word/document.xml", 3));
    assert_eq!(*column, 13, "{err}");
    assert!(err
        .to_string()
        .starts_with("malformed XML in `word/document.xml` at line 3, column 13"));

    // An entity outside the XML built-ins is not expanded.
    let xml = format!(
        "<!DOCTYPE w:document [<!ENTITY boom \"boom\">]>\n\
         <w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>&boom;</w:t></w:r></w:p></w:body></w:document>"
    );
    let bytes = zip_of(&[("word/document.xml", xml.as_bytes())]);
    let err = docx_to_text(&bytes).unwrap_err();
    assert!(matches!(err, DocxError::Xml { line: 2, .. }), "{err:?}");
    assert!(err.to_string().contains("`&boom;`"), "{err}");

    // Not UTF-8: Latin-1 "Đ" would be 0xD0.
    let bytes = zip_of(&[("word/document.xml", b"<w:document>\n<w:t>\xD0\xD0</w:t>")]);
    assert!(matches!(
        docx_to_text(&bytes),
        Err(DocxError::NotUtf8 {
            line: 2,
            column: 6,
            ..
        })
    ));
}

/// A fixture with bytes overwritten at the given places, and cut short
/// when `truncate`.
fn damaged(
    name: &str,
    edits: &[(prop::sample::Index, u8)],
    cut: prop::sample::Index,
    truncate: bool,
) -> Vec<u8> {
    let mut bytes = fixture(name);
    for (at, value) in edits {
        let i = at.index(bytes.len());
        bytes[i] = *value;
    }
    if truncate {
        bytes.truncate(cut.index(bytes.len()));
    }
    bytes
}

// 256 cases each by default; more with PROPTEST_CASES=…
proptest! {

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = docx_to_text(&bytes);
    }

    #[test]
    fn mutated_fixture_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let bytes = damaged("merged-cells.docx", &edits, cut, truncate);
        let _ = docx_to_text(&bytes);
    }

    #[test]
    fn mutated_xml_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
    ) {
        // Re-zipped after the edit, so that the XML reader (not the
        // checksum) meets the damage.
        let raw = fixture("merged-cells.docx");
        let mut archive = zip::ZipArchive::new(Cursor::new(&raw[..])).unwrap();
        let mut xml = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        let mut numbering = Vec::new();
        std::io::Read::read_to_end(&mut archive.by_name("word/numbering.xml").unwrap(), &mut numbering)
            .unwrap();
        for (at, value) in edits {
            let i = at.index(xml.len());
            xml[i] = value;
            let j = at.index(numbering.len());
            numbering[j] = value;
        }
        let bytes = zip_of(&[("word/document.xml", &xml), ("word/numbering.xml", &numbering)]);
        let _ = docx_to_text(&bytes);
    }
}

// Damaged copies of a real plan (the Đồng Nai seed as Word wrote it) through
// the import path: an import or a typed error naming the file, never a panic
// (a panic in the zip or XML reader is caught as `DocxError::Damaged`). Each
// case reads the whole plan, so fewer cases than above.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn damaged_plan_docx_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..24),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
    ) {
        let bytes = damaged("dong-nai-74-2026.docx", &edits, cut, truncate);
        let o = obligraph_vn::ImportOptions::default();
        match std::panic::catch_unwind(|| obligraph_vn::import_bytes(&bytes, "damaged.docx", &o)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => prop_assert!(e.to_string().contains("damaged.docx"), "{e}"),
            Err(_) => prop_assert!(false, "the import panicked"),
        }
    }
}

// ---------------------------------------------------------------------------
// Same plan through the .docx path as through the text path

/// Drops every source location (`source` spans of obligations, `line` of
/// sections and references): line numbers differ between the two paths by
/// design (the .docx has no page breaks and one line per table row).
fn without_sources(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("source");
            map.remove("line");
            map.values_mut().for_each(without_sources);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_sources),
        _ => {}
    }
}

/// Obligation fields where the two paths may differ, and why: the text
/// importer moves a page tail back to the row above only when the next
/// row's task cell starts in lowercase; B.VI.2's task starts "Giải quyết",
/// so on the text path the tail of B.VI.1's output ("được tiếp nhận, …
/// làm trung tâm.") stays at the head of B.VI.2's output. The .docx holds
/// it where the plan has it (checked below).
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[("PL.B.VI.1", "output"), ("PL.B.VI.2", "output")];

#[test]
fn dong_nai_docx_imports_as_the_text_plan() {
    let text = seed("dong-nai-74-2026.txt");
    let from_text = obligraph_vn::import_text(&text, "dong-nai-74-2026.txt").unwrap();
    let docx_text = docx_to_text(&fixture("dong-nai-74-2026.docx")).unwrap();
    let from_docx = obligraph_vn::import_text(&docx_text, "dong-nai-74-2026.docx").unwrap();
    let (a, b) = (&from_text.plan, &from_docx.plan);

    assert_eq!(b.number.as_deref(), Some("74/KH-UBND"));
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2026-02-05"));
    assert_eq!(
        (&a.number, &a.date, &a.issuer),
        (&b.number, &b.date, &b.issuer)
    );
    let ids = |p: &obligraph_core::Plan| -> Vec<String> {
        p.obligations.iter().map(|o| o.id.clone()).collect()
    };
    assert_eq!(ids(a), ids(b));
    assert!(a.obligations.len() > 50, "{}", a.obligations.len());

    // Every field of every obligation but `source`, and the rest of the plan.
    let mut differences = Vec::new();
    for (x, y) in a.obligations.iter().zip(&b.obligations) {
        let mut x = serde_json::to_value(x).unwrap();
        let mut y = serde_json::to_value(y).unwrap();
        without_sources(&mut x);
        without_sources(&mut y);
        let (serde_json::Value::Object(x), serde_json::Value::Object(y)) = (x, y) else {
            panic!("an obligation is not a JSON object");
        };
        let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
        for key in keys {
            if x.get(key) != y.get(key) {
                let id = x
                    .get("id")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_owned();
                differences.push((id, key.clone(), x.get(key).cloned(), y.get(key).cloned()));
            }
        }
    }
    for (id, field, text_side, docx_side) in &differences {
        assert!(
            KNOWN_DIFFERENCES.contains(&(id.as_str(), field.as_str())),
            "{id}.{field}: text path {text_side:?}, docx path {docx_side:?}"
        );
    }
    let output = |id: &str| {
        b.obligations
            .iter()
            .find(|o| o.id == id)
            .and_then(|o| o.output.clone())
            .unwrap_or_default()
    };
    assert!(output("PL.B.VI.1").ends_with(
        "- Bảo đảm nạn nhân được tiếp nhận, xác minh, xác định, \
         giải cứu, bảo vệ và hỗ trợ kịp thời, hiệu quả theo quy định của pháp luật và đảm bảo \
         nguyên tắc lấy nạn nhân làm trung tâm."
    ));
    assert_eq!(output("PL.B.VI.2"), "Các vụ việc được giải quyết");

    let mut x = serde_json::to_value(a).unwrap();
    let mut y = serde_json::to_value(b).unwrap();
    without_sources(&mut x);
    without_sources(&mut y);
    for value in [&mut x, &mut y] {
        if let Some(map) = value.as_object_mut() {
            map.remove("obligations");
        }
    }
    assert_eq!(x, y);
}

/// Well-formed WordprocessingML in odd shapes (cells outside rows, runs
/// outside paragraphs, tables in text runs, huge spans): always text.
fn element() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        "[a-zA-Zàđệ &<>\t]{0,8}".prop_map(|t| format!(
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            t.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        )),
        Just("<w:r><w:tab/><w:br/></w:r>".to_owned()),
        Just("<w:p/>".to_owned()),
        Just("<w:tc/>".to_owned()),
        (0u32..20).prop_map(|n| format!("<w:tcPr><w:gridSpan w:val=\"{n}\"/><w:vMerge/></w:tcPr>")),
        (0u32..12).prop_map(|n| format!(
            "<w:pPr><w:numPr><w:ilvl w:val=\"{n}\"/><w:numId w:val=\"{n}\"/></w:numPr></w:pPr>"
        )),
        Just("<w:trPr><w:tblHeader/><w:gridBefore w:val=\"2\"/></w:trPr>".to_owned()),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        (
            prop::sample::select(vec![
                "w:p", "w:r", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:t", "w:pPr",
            ]),
            proptest::collection::vec(inner, 0..6),
        )
            .prop_map(|(tag, children)| format!("<{tag}>{}</{tag}>", children.concat()))
    })
}

proptest! {
    #[test]
    fn odd_but_well_formed_documents_give_text(children in proptest::collection::vec(element(), 0..8)) {
        let bytes = docx_with_body(&children.concat());
        let text = docx_to_text(&bytes);
        prop_assert!(text.is_ok(), "{:?}", text);
    }
}

#[test]
fn main_part_named_by_the_package_relationships() {
    let rels = "<?xml version=\"1.0\"?>\
        <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
        <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"/word/main.xml\"/>\
        </Relationships>";
    let xml = format!("<w:document xmlns:w=\"{W}\"><w:body><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:body></w:document>");
    let bytes = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/main.xml", xml.as_bytes()),
    ]);
    assert_eq!(docx_to_text(&bytes).unwrap(), "Kế hoạch\n");
    // Errors name that part.
    let bad = zip_of(&[
        ("_rels/.rels", rels.as_bytes()),
        ("word/main.xml", b"<w:document>\n</w:body>"),
    ]);
    assert!(matches!(
        docx_to_text(&bad),
        Err(DocxError::Xml { part, line: 2, .. }) if part == "word/main.xml"
    ));
}

#[test]
fn libreoffice_rewrites_read_the_same() {
    // LibreOffice spells the same structure differently: `w:tblHeader
    // w:val="true"`, `w:vMerge w:val="continue"`, numbering on each
    // paragraph rather than in the style. The text must not change.
    for name in ["dong-nai-74-2026", "merged-cells"] {
        let raw = fixture(&format!("{name}-libreoffice.docx"));
        let mut archive = zip::ZipArchive::new(Cursor::new(&raw[..])).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("<w:tblHeader w:val=\"true\"/>"), "{name}");
        let python_docx = docx_to_text(&fixture(&format!("{name}.docx"))).unwrap();
        assert_eq!(docx_to_text(&raw).unwrap(), python_docx, "{name}");
    }
}

#[test]
fn import_path_keeps_the_typed_docx_error() {
    let dir = std::env::temp_dir().join(format!("obligraph-vn-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A limit: the depth reached and the limit survive, and the file is named.
    let body = format!(
        "<w:p>{}<w:r><w:t>x</w:t></w:r>{}</w:p>",
        "<w:sdt>".repeat(300),
        "</w:sdt>".repeat(300)
    );
    let deep = dir.join("deep.docx");
    std::fs::write(&deep, docx_with_body(&body)).unwrap();
    let err = obligraph_vn::import_path(&deep).unwrap_err();
    assert!(err.to_string().contains("deep.docx"), "{err}");
    assert!(
        std::error::Error::source(&err).is_some_and(|s| s.to_string().contains("257")),
        "{err}"
    );
    match err {
        obligraph_vn::ImportError::Docx { file, source } => {
            assert!(file.ends_with("deep.docx"));
            assert!(matches!(
                source,
                DocxError::LimitExceeded {
                    limit: DocxLimit::XmlDepth,
                    value: 257,
                    max: 256,
                    ..
                }
            ));
        }
        other => panic!("{other}"),
    }
    // Malformed XML: line and column survive.
    let bad = dir.join("bad.docx");
    let xml = format!("<w:document xmlns:w=\"{W}\">\n<w:body>\n<w:p></w:r></w:body></w:document>");
    std::fs::write(&bad, zip_of(&[("word/document.xml", xml.as_bytes())])).unwrap();
    match obligraph_vn::import_path(&bad).unwrap_err() {
        obligraph_vn::ImportError::Docx {
            source: DocxError::Xml { line, .. },
            ..
        } => assert_eq!(line, 3),
        other => panic!("{other}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

// ---------------------------------------------------------------------------
// Locations a Word user finds

/// The place of obligation `id` of the Đồng Nai .docx, as shown.
fn dong_nai_place(id: &str) -> String {
    let import = obligraph_vn::import_path(&fixture_path("dong-nai-74-2026.docx")).unwrap();
    import
        .plan
        .obligation(id)
        .and_then(|o| o.source.place.as_ref())
        .map(ToString::to_string)
        .unwrap_or_else(|| panic!("{id}: no place"))
}

/// The fixture's path (import_path reads by extension).
fn fixture_path(name: &str) -> PathBuf {
    workspace().join("tests/fixtures/docx").join(name)
}

/// Checked against the document with python-docx (body paragraphs counted
/// in `document.element.body`, rows in `document.tables[0].rows`): ¶35 is
/// "a) Tiếp tục phối hợp rà soát quy định pháp luật …", ¶93 the closing
/// "Trên đây là Kế hoạch …" whose second sentence is the duty IV-1, row 10
/// of the table is 1.5 "Pháp luật hình sự, tố tụng hình sự …", its task in
/// cell 2; row 71 is D.I.3 "Xây dựng, tham gia đối thoại …".
#[test]
fn docx_obligations_are_placed_by_paragraph_and_table_row() {
    assert_eq!(dong_nai_place("II.1.a"), "¶35");
    assert_eq!(dong_nai_place("IV-1"), "¶93");
    assert_eq!(dong_nai_place("PL.A.II.1.5"), "table 1, row 10, cell 2");
    assert_eq!(dong_nai_place("PL.D.I.3"), "table 1, row 71, cell 2");
    let import = obligraph_vn::import_path(&fixture_path("dong-nai-74-2026.docx")).unwrap();
    assert!(import
        .plan
        .obligations
        .iter()
        .all(|o| o.source.place.is_some()));
    // The lines set aside say where they are too: ¶17 is the first purpose
    // item "a) Xác định rõ nội dung công việc …".
    assert!(!import.unattributed.is_empty());
    assert!(import.unattributed.iter().all(|u| u.place.is_some()));
    let first = &import.unattributed[0];
    assert!(first.text.starts_with("a) Xác định rõ nội dung công việc"));
    assert_eq!(
        first.place.as_ref().map(ToString::to_string).as_deref(),
        Some("¶17")
    );
}

/// Text keeps lines: no place.
#[test]
fn text_obligations_have_no_place() {
    let path = workspace().join("examples/data/seeds/dong-nai-74-2026.txt");
    let import = obligraph_vn::import_path(&path).unwrap();
    assert!(import
        .plan
        .obligations
        .iter()
        .all(|o| o.source.place.is_none()));
}

/// Rows are counted in their table, header rows included; paragraphs over
/// the body only (a table's paragraphs are not counted), tables over the
/// body (a nested table is not one).
#[test]
fn places_count_rows_per_table_and_paragraphs_over_the_body() {
    let row = |cells: &[&str]| {
        let tcs: String = cells
            .iter()
            .map(|c| format!("<w:tc><w:p><w:r><w:t>{c}</w:t></w:r></w:p></w:tc>"))
            .collect();
        format!("<w:tr>{tcs}</w:tr>")
    };
    let header = row(&["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp"]);
    let body = format!(
        "<w:p><w:r><w:t>Số: 12/KH-UBND</w:t></w:r></w:p>\
         <w:p/>\
         <w:p><w:r><w:t>II. NHIỆM VỤ</w:t></w:r></w:p>\
         <w:p><w:r><w:t>1. Rà soát văn bản (Sở Tư pháp chủ trì).</w:t></w:r></w:p>\
         <w:p><w:r><w:t>PHỤ LỤC</w:t></w:r></w:p>\
         <w:tbl>{header}{}{}</w:tbl>",
        row(&["1", "Tuyên truyền pháp luật", "Sở Tư pháp", "Công an tỉnh"]),
        row(&["2", "Kiểm tra việc thực hiện", "Công an tỉnh", ""]),
    );
    let dir = std::env::temp_dir().join(format!("obligraph-docx-places-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("kh.docx");
    std::fs::write(&path, docx_with_body(&body)).unwrap();
    let import = obligraph_vn::import_path(&path).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let places: Vec<String> = import
        .plan
        .obligations
        .iter()
        .map(|o| {
            o.source
                .place
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        places,
        ["¶4", "table 1, row 2, cell 2", "table 1, row 3, cell 2"]
    );
}
