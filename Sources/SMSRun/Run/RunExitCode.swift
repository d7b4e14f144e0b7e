/// The exit code of a `run` over several accounts: the worst of theirs (contract §1),
/// in the order 0 < 3 < 4 < 5 < 1.
///
/// The contract's order leaves out 2: an account stopped by a usage or data error
/// (a malformed row from the API, say) ranks between 5 and 1, as worse than any
/// expected failure but not an unexpected one.
public enum RunExitCode {
    /// The worst of `codes`; 0 when there are none.
    public static func worst<Codes: Sequence>(of codes: Codes) -> Int32 where Codes.Element == Int32 {
        codes.max(by: { severity($0) < severity($1) }) ?? 0
    }

    /// The rank of an exit code in the contract's order; unknown codes rank as 1.
    package static func severity(_ code: Int32) -> Int {
        switch code {
        case 0: 0
        case 3: 1
        case 4: 2
        case 5: 3
        case 2: 4
        default: 5
        }
    }
}
