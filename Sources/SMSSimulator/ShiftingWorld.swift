import SMSWorld

/// The world as the simulator serves it right now: the seeded world plus the messages
/// that arrived while it was being read, its pages, and its batches by id.
///
/// A value: a request takes a copy and answers from it, so that arrivals never change
/// a response half-written.
struct ShiftingWorld: Sendable {
    /// The world, arrivals included.
    private(set) var world: World
    /// Its pages.
    private(set) var pages: ReportPages
    /// Messages that arrived since the start.
    private(set) var arrivedCount = 0
    /// Positions in ``World/batches`` by batch id.
    private var batchPositions: [String: Int]

    /// The world with `pageSize` rows a page (see ``ReportPages/pageSizes``), whose links
    /// start with `linkBase` (``SimulatorConfiguration/publicBaseURL`` and any base path).
    init(world: World, pageSize: Int, linkBase: String = SimulatorConfiguration.publicBaseURL) throws(ReportPages.Invalid) {
        self.world = world
        pages = try ReportPages(world: world, pageSize: pageSize, baseURL: linkBase)
        batchPositions = Self.positions(of: world)
    }

    /// The batch called `id`, or nil when there is none.
    func batch(withID id: String) -> WorldBatch? {
        batchPositions[id].map { world.batches[$0] }
    }

    /// Lets `count` messages made by `factory` arrive, newer than every message so far.
    mutating func receive(_ count: Int, from factory: ArrivalFactory) {
        let newest = world.messages.last?.sentAt.microseconds ?? world.parameters.windowEnd - 3_600_000_000
        world = world.adding(arrivals: factory.arrivals(count: count, startingAt: arrivedCount, after: newest))
        arrivedCount += count
        // safe: ReportPages accepts or refuses a page size whatever the world, and it accepted this one in init.
        pages = (try? ReportPages(world: world, pageSize: pages.pageSize, baseURL: pages.baseURL)) ?? pages
        batchPositions = Self.positions(of: world)
    }

    private static func positions(of world: World) -> [String: Int] {
        Dictionary(world.batches.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }
}
