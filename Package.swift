// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "sms-report",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sms-report", targets: ["sms-report"]),
        .executable(name: "sms-api-sim", targets: ["sms-api-sim"]),
        /// The modules that read outside input, for the fuzz targets of `Fuzz/` (a separate package).
        .library(name: "SMSReportParsers", targets: ["SMSSupport", "SMSCore", "SnapshotFormat", "SMSIngest", "GatewayAPI", "SMSConfig"]),
            ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        /// libxlsxwriter, the C library behind the XLSX renderer (Debian: libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        /// librsvg and cairo, behind the SVG rasteriser (Debian: librsvg2-dev).
        .systemLibrary(
            name: "CLibRSVG",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        /// Renders SVG documents to PNG with librsvg. It knows nothing of reports.
        .target(
            name: "SVGRaster",
            dependencies: ["CLibRSVG"]
        ),
        /// Helpers every layer shares and that know nothing of reports: progress,
        /// retries, bounded concurrency, durations, XML text.
        .target(name: "SMSSupport"),
        /// A small Swift layer over libxlsxwriter: workbooks, sheets, formats, charts.
        /// It knows nothing of reports.
        .target(
            name: "XLSXWriter",
            dependencies: ["CXlsxWriter", "SMSSupport"]
        ),
        /// Email without I/O: addresses, MIME messages, and the SMTP protocol as a state
        /// machine with its settings (security, password). It knows nothing of reports.
        .target(name: "MailCore"),
        /// The SMTP client on SwiftNIO (STARTTLS, implicit TLS, AUTH) that drives MailCore's
        /// session over a connection. It knows nothing of reports.
        .target(
            name: "MailTransport",
            dependencies: [
                "MailCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ]
        ),
        /// A mergeable quantile sketch with a bounded relative error (DDSketch).
        /// It knows nothing of reports.
        .target(name: "QuantileSketch"),
        /// The report's model: instants, days, deliveries, typed tables, segments,
        /// the report's errors, and atomic file output.
        .target(
            name: "SMSCore",
            dependencies: ["SMSSupport"]
        ),
        /// The snapshot folder's format (contract §2): layout, manifest, file-safe names,
        /// and the JSON scanner and timestamp parser its bodies are read with.
        .target(
            name: "SnapshotFormat",
            dependencies: ["SMSCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// Reads a snapshot into deduplicated, normalised deliveries (contract §3), and
        /// selects a report's deliveries.
        .target(
            name: "SMSIngest",
            dependencies: ["SMSCore", "SMSSupport", "SnapshotFormat"]
        ),
        /// Client billing by SMS segment (contract §7).
        .target(
            name: "SMSBilling",
            dependencies: ["SMSCore", "SMSIngest"]
        ),
        /// Groups deliveries into the tables of contract §4.
        .target(
            name: "SMSAggregate",
            dependencies: ["SMSBilling", "SMSCore", "SMSIngest", "SnapshotFormat"]
        ),
        /// The history store (contract §9): days, rollups, metrics, runs and alerts, in a
        /// SQLite file or PostgreSQL, through one SQL path (SQLKit).
        .target(
            name: "SMSStore",
            dependencies: [
                "SMSCore", "SMSSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ]
        ),
        /// From reports to the store and back: the days and rollups a snapshot writes,
        /// and trend tables and billing rebuilt from rollups alone.
        .target(
            name: "SMSHistory",
            dependencies: [
                "QuantileSketch", "SMSAggregate", "SMSBilling", "SMSCore", "SMSIngest", "SMSStore",
                "SMSSupport", "SnapshotFormat",
            ]
        ),
        /// The gateway's REST API as values, without I/O: its base URL, its token, and what
        /// a page body says (row count, `next`).
        .target(
            name: "GatewayAPI",
            dependencies: ["SMSCore", "SnapshotFormat"]
        ),
        /// Downloads the gateway's reports into a snapshot folder (async-http-client).
        .target(
            name: "SMSFetch",
            dependencies: [
                "GatewayAPI", "SMSCore", "SMSSupport", "SnapshotFormat",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        /// Writes the report tables as CSV, XLSX, HTML and text; never computes a number.
        .target(
            name: "SMSRender",
            dependencies: [
                "SMSAggregate", "SMSBilling", "SMSCore", "SMSSupport", "XLSXWriter",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        /// The YAML config of `run` and `billing`, decoded into typed settings.
        .target(
            name: "SMSConfig",
            dependencies: [
                "GatewayAPI", "MailCore", "SMSAggregate", "SMSBilling", "SMSCore", "SMSIngest", "SMSRender", "SMSSupport",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        /// The jobs on top: report and billing jobs, emailing reports, and the nightly run.
        .target(
            name: "SMSRun",
            dependencies: [
                "MailCore", "MailTransport", "SMSAggregate", "SMSBilling", "SMSConfig", "SMSCore", "SMSFetch", "SMSHistory",
                "SMSIngest", "SMSRender", "SMSStore", "SMSSupport", "SnapshotFormat", "SVGRaster",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        /// Seeded synthetic worlds of API rows, for the bundled samples and the benchmarks.
        .target(
            name: "SMSWorld",
            dependencies: [
                "SMSCore", "SnapshotFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// A faithful simulator of the gateway's API, serving a seeded world (tests, demo, benchmarks).
        .target(
            name: "SMSSimulator",
            dependencies: [
                "SMSWorld",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        /// Runs the API simulator on loopback.
        .executableTarget(
            name: "sms-api-sim",
            dependencies: [
                "SMSSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Stamps a target with the VERSION file's version and the git commit (`BuildVersion`).
        .plugin(name: "VersionStamp", capability: .buildTool()),
        /// The command-line tool: argument parsing and exit codes only.
        .executableTarget(
            name: "sms-report",
            dependencies: [
                "GatewayAPI", "SMSBilling", "SMSConfig", "SMSCore", "SMSFetch", "SMSHistory", "SMSIngest", "SMSRender", "SMSRun",
                "SMSStore", "SMSSupport", "SnapshotFormat",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            plugins: ["VersionStamp"]
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
            dependencies: [
                "GatewayAPI", "MailCore", "MailTransport", "QuantileSketch", "SMSAggregate", "SMSBilling", "SMSConfig", "SMSCore", "SMSFetch",
                "SMSHistory", "SMSIngest", "SMSRender", "SMSRun", "SMSStore", "SMSSupport", "SMSWorld", "SnapshotFormat",
                "XLSXWriter", "CXlsxWriter", "SVGRaster", "CLibRSVG",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                // The store tests create PostgreSQL databases and tamper with stores behind the tool's back.
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                // The email tests unzip report-csv.zip to compare its CSVs with the files on disk.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
        ),
        .testTarget(
            name: "SMSSimulatorTests",
            dependencies: [
                "SMSSimulator",
                "SMSWorld",
                "GatewayAPI", "SMSCore", "SMSFetch", "SnapshotFormat",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "SMSWorldTests",
            dependencies: ["SMSWorld", "SMSCore", "SnapshotFormat"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
