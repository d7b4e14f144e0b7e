// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sms-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sms-report", targets: ["sms-report"]),
        .library(name: "SMSReport", targets: ["SMSReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        /// libxlsxwriter, the C library behind the XLSX renderer (Debian: libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        /// All of the tool's logic: snapshot reading, normalisation, aggregation and rendering.
        .target(
            name: "SMSReport",
            dependencies: []
        ),
        /// Seeded synthetic worlds of API rows, for the bundled samples and the benchmarks.
        .target(
            name: "SMSWorld",
            dependencies: ["SMSReport"]
        ),
        /// The command-line tool: argument parsing and exit codes only.
        .executableTarget(
            name: "sms-report",
            dependencies: [
                "SMSReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Writes a synthetic snapshot folder (samples, benchmarks).
        .executableTarget(
            name: "sms-sample",
            dependencies: [
                "SMSWorld",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SMSReportTests",
            dependencies: ["SMSReport", "SMSWorld"],
        ),
        .testTarget(
            name: "SMSWorldTests",
            dependencies: ["SMSWorld", "SMSReport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
