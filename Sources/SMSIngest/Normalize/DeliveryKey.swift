/// What makes two rows the same delivery (contract §3): the `sent_at` instant to the
/// microsecond, the normalised phone, and the message text.
///
/// All three parts are integers, so hashing a million keys is cheap: the text is its
/// index in the ``MessageCatalog``, and the phone is its 10 digits as a number when
/// valid, or the negative index of the phone as received when not.
package struct DeliveryKey: Equatable {
    package var sentAt: Int64
    package var messageID: Int32
    package var phone: Int64
}
