//! The JSON contract on stdin and stdout: one request in, one response
//! out, through `obligraph::contract::handle` (what every transport calls).
//!
//! ```sh
//! echo '{"op": "check", "documents": [{"name": "p.txt", "text": "Số: 1/KH-UBND\nKẾ HOẠCH\n"}]}' \
//!   | cargo run -q --example contract
//! ```

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut request = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut request) {
        eprintln!("error: cannot read stdin: {e}");
        return ExitCode::from(2);
    }
    let response = obligraph::contract::handle(&request);
    let mut out = std::io::stdout().lock();
    match out.write_all(&response).and_then(|()| out.flush()) {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("error: cannot write stdout: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}
