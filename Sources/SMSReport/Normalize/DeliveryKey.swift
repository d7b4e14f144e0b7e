/// What makes two rows the same delivery (contract §3): the `sent_at` instant to the
/// microsecond, the normalised phone, and the message text.
struct DeliveryKey: Hashable {
    var sentAt: Int64
    var messageID: Int32
    var phone: String
}
