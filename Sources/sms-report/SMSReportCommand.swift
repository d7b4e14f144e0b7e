import ArgumentParser

/// `sms-report`: SMS delivery reports from a gateway's API.
struct SMSReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sms-report",
        abstract: "Turns an SMS gateway's delivery reports into CSV, XLSX and HTML reports.",
        discussion: """
            Exit codes: 0 success, 1 unexpected error, 2 usage or config error, 3 incomplete data \
            (reports still written), 4 delivery failed, 5 authentication refused, 6 locked, \
            7 an alert was raised (only with --fail-on-alert; reports and emails still done).
            """,
        version: "\(BuildVersion.version) (commit \(BuildVersion.commit))",
        subcommands: [FetchCommand.self, ReportCommand.self, RunCommand.self, BillingCommand.self, HistoryCommand.self,
                      StoreCommand.self]
    )
}
