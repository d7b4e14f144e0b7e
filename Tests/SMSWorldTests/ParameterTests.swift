import SMSWorld
import Testing

@Suite("World parameters")
struct ParameterTests {
    @Test("Out-of-range parameters are refused", arguments: [(-1, 7), (10, 0), (10, 3661), (50_000_001, 1)])
    func refused(deliveries: Int, days: Int) {
        #expect(throws: WorldParameters.Invalid.self) { try WorldParameters(deliveries: deliveries, days: days) }
    }

    @Test("The window is the given number of local days ending with the end day")
    func window() throws {
        let parameters = try WorldParameters(days: 30)
        #expect(parameters.firstDay.description == "2025-10-06")
        #expect(parameters.windowEnd - parameters.windowStart == 30 * 86_400_000_000)
    }
}
