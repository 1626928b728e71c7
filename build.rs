//! Sets `cfg(split)` for release builds of the browser app, where the wasm is split per
//! page (docs/toolchain.md). Debug builds (`trunk serve`, wasm-bindgen-test) are not split:
//! a lazy function's imports resolve only after the splitter has run. `TWOHATS_SPLIT=0`
//! builds a release without the split, to compare the two in one sitting.

fn main() {
    println!("cargo:rustc-check-cfg=cfg(split)");
    println!("cargo:rerun-if-env-changed=TWOHATS_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let off = std::env::var("TWOHATS_SPLIT").is_ok_and(|v| v == "0");
    if wasm && release && !off {
        println!("cargo:rustc-cfg=split");
    }
}
