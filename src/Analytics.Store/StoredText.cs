using Analytics.Ingestion.Formats;

namespace Analytics.Store;

/// <summary>The words stored for enum values, so the database reads plainly in sqlite3.</summary>
internal static class StoredText
{
    public static string Of(PaymentTimeSource source) => source switch
    {
        PaymentTimeSource.Column => "column",
        PaymentTimeSource.OrderCreatedColumn => "order-created-column",
        PaymentTimeSource.OrderNumberDate => "order-number-date",
        _ => "none",
    };

    public static string Of(BuyerSource source) => source switch
    {
        BuyerSource.Account => "account",
        BuyerSource.ReceiverFingerprint => "receiver-fingerprint",
        _ => "none",
    };

    public static PaymentTimeSource PaymentTimeSourceOf(string text) => text switch
    {
        "column" => PaymentTimeSource.Column,
        "order-created-column" => PaymentTimeSource.OrderCreatedColumn,
        "order-number-date" => PaymentTimeSource.OrderNumberDate,
        _ => PaymentTimeSource.None,
    };

    public static BuyerSource BuyerSourceOf(string text) => text switch
    {
        "account" => BuyerSource.Account,
        "receiver-fingerprint" => BuyerSource.ReceiverFingerprint,
        _ => BuyerSource.None,
    };
}
