//! Compiles `catalog/payments.yaml`, the YAML twin of `PaymentError`.

fn main() {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .compile_or_exit();
}
