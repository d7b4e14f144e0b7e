// swift-tools-version: 5.4
// 5.4, not 6.0, on purpose: from tools version 5.5 on, SwiftPM links an executable target's
// `main` to a renamed `<Target>_main` symbol, which a libFuzzer target (built with
// -parse-as-library, its `main` coming from libFuzzer) does not define.
import PackageDescription

/// Coverage-guided fuzz targets (libFuzzer) for the parts of sms-report that read
/// outside input. Kept out of the main package so that its `swift build` and
/// `swift test` never need the sanitizers. Built and run by `scripts/fuzz.sh`
/// (`make fuzz`), which passes `-sanitize=fuzzer,address`, `-parse-as-library` and
/// `-enable-testing` (the targets reach internal types with `@testable import`).
let fuzzTargets = [
    "FuzzJSONScanner",       // JSONScanner over any bytes: whole values and the position invariant
    "FuzzReportFileParser",  // ReportFileParser over any bytes, as a page, a batch report and batch-ids.json; Manifest.scanned against JSONDecoder
    "FuzzPageSummary",       // PageSummary (what fetch reads of a page body) and its ?page=N links
    "FuzzConfigReader",      // the config reader: YAML text → RunConfig, and run --check's listing
]


let package = Package(
    name: "sms-report-fuzz",
    dependencies: [
        .package(name: "sms-report", path: ".."),
    ],
    targets: fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: [.product(name: "SMSReportParsers", package: "sms-report")])
    }
)
