import SMSWorld

/// The world as the simulator serves it right now: the seeded world plus the messages
/// that arrived while it was being read, the part of it that the report endpoints
/// still serve (``RowLossPlan``), its pages, and its batches by id.
///
/// A value: a request takes a copy and answers from it, so that arrivals never change
/// a response half-written.
struct ShiftingWorld: Sendable {
    /// Every message the gateway holds, arrivals included: what its metrics count.
    private(set) var world: World
    /// The messages the report endpoints serve: ``world`` without the lost rows.
    private(set) var served: World
    /// The pages of ``served``.
    private(set) var pages: ReportPages
    /// Messages that arrived since the start.
    private(set) var arrivedCount = 0
    /// Which rows the report endpoints have lost.
    private let rowLoss: RowLossPlan
    /// Positions in the batches of ``served`` by batch id.
    private var batchPositions: [String: Int]

    /// The world with `pageSize` rows a page (see ``ReportPages/pageSizes``), whose links
    /// start with `linkBase` (``SimulatorConfiguration/publicBaseURL`` and any base path),
    /// without the rows that `rowLoss` loses.
    init(world: World, pageSize: Int, linkBase: String = SimulatorConfiguration.publicBaseURL,
         rowLoss: RowLossPlan = .none) throws(ReportPages.Invalid) {
        self.world = world
        self.rowLoss = rowLoss
        served = rowLoss.served(world)
        pages = try ReportPages(world: served, pageSize: pageSize, baseURL: linkBase)
        batchPositions = Self.positions(of: served)
    }

    /// The served batch called `id`, or nil when there is none.
    func batch(withID id: String) -> WorldBatch? {
        batchPositions[id].map { served.batches[$0] }
    }

    /// Lets `count` messages made by `factory` arrive, newer than every message so far.
    mutating func receive(_ count: Int, from factory: ArrivalFactory) {
        let newest = world.messages.last?.sentAt.microseconds ?? world.parameters.windowEnd - 3_600_000_000
        let arrivals = factory.arrivals(count: count, startingAt: arrivedCount, after: newest)
        world = world.adding(arrivals: arrivals)
        served = served.adding(arrivals: rowLoss.served(arrivals))
        arrivedCount += count
        // safe: ReportPages accepts or refuses a page size whatever the world, and it accepted this one in init.
        pages = (try? ReportPages(world: served, pageSize: pages.pageSize, baseURL: pages.baseURL)) ?? pages
        batchPositions = Self.positions(of: served)
    }

    private static func positions(of world: World) -> [String: Int] {
        Dictionary(world.batches.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}
