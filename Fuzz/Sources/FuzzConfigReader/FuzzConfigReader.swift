@testable import SMSConfig
@testable import SMSSupport

/// libFuzzer's entry point: reads the input as a config file (YAML → `RunConfig`), with
/// every variable it may name set, and renders what `run --check` would print.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfigReader(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let environment = ["SMS_REPORT_TOKEN": "token", "ACME_SMS_TOKEN": "token", "GLOBEX_SMS_TOKEN": "token", "SMTP_PASSWORD": "secret"]
    do throws(ConfigError) {
        let document = try ConfigDocument.parse(text, file: "fuzz.yaml")
        let decoder = RunConfigDecoder(document: document, environment: environment, selection: [], requirements: .run)
        let config = decoder.decode()
        let errors = ConfigError.inFileOrder(decoder.reader.errors)
        _ = ConfigCheck(file: "fuzz.yaml", errors: errors, config: config, requirements: .run).lines
    } catch {
        precondition(error.exitStatus == .usageError, "a bad config must be exit 2: \(error)")
        _ = error.description
    }
    return 0
}
