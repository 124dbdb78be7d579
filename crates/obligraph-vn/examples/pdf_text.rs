//! Prints the text the importer reads from a PDF, each line prefixed by
//! its page: `cargo run -p obligraph-vn --example pdf_text -- FILE.pdf`.

fn main() -> Result<(), String> {
    let path = std::env::args().nth(1).ok_or("usage: pdf_text FILE.pdf")?;
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let text = obligraph_vn::pdf::pdf_to_text(&bytes).map_err(|e| format!("{path}: {e}"))?;
    for (i, line) in text.text.lines().enumerate() {
        let page = u32::try_from(i + 1).ok().and_then(|l| text.page_of_line(l));
        println!("p.{}\t{line}", page.unwrap_or(0));
    }
    Ok(())
}
