namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>An order's state as of a moment: what happened to it up to then.</summary>
public readonly record struct OrderState(
    string Status, DateTime ModifiedUtc, DateTime? PaidUtc, DateTime? CompletedUtc, DateTime? RefundUtc,
    bool FullRefund, int PaymentMethod);

/// <summary>
/// The events in an order's life (payment, completion, cancellation, refund) are fixed at creation from
/// (seed, order index); the state "as of" a time is the events up to it. So the store at any clock time
/// is a pure function of the seed, and advancing the clock changes exactly the orders with an event in the
/// new window — which is what an incremental sync must find via date_modified.
/// </summary>
public static class OrderLifecycle
{
    private const long Stream = 0x11FE;

    public static readonly (string Id, string Title)[] PaymentMethods =
    [
        ("stripe", "Credit Card (Stripe)"), ("paypal", "PayPal"), ("bacs", "Direct bank transfer"), ("cod", "Cash on delivery"),
    ];

    /// <summary>Longest gap between creation and an order's last event; older orders never change again.</summary>
    public static readonly TimeSpan MaxActiveSpan = TimeSpan.FromDays(45);

    public static OrderState At(long seed, long index, DateTime createdUtc, DateTime asOfUtc)
    {
        var rng = new SeededStream(seed, Stream, index);
        var r = rng.NextDouble();
        var payment = rng.Next(10) switch { < 6 => 0, < 8 => 1, < 9 => 2, _ => 3 };
        var hours = rng.NextDouble();
        var days = rng.NextDouble();
        var refundDraw = rng.NextDouble();
        var refundDelay = rng.NextDouble();
        var fullRefund = rng.Chance(0.45);

        var pending = new OrderState("pending", createdUtc, null, null, null, false, payment);
        if (r < 0.02) // card declined
            return Step(pending, createdUtc.AddMinutes(2 + 10 * hours), asOfUtc, s => s with { Status = "failed" });
        if (r < 0.05) // abandoned or cancelled by the shopper
            return Step(pending, createdUtc.AddHours(1 + 71 * hours), asOfUtc, s => s with { Status = "cancelled" });
        if (r < 0.06) // stale pending payment that nobody cleaned up
            return pending;

        OrderState state;
        DateTime paid;
        if (payment == 2) // bank transfer: on-hold until the money arrives
        {
            state = new OrderState("on-hold", createdUtc, null, null, null, false, payment);
            paid = createdUtc.AddHours(12 + 84 * hours);
            if (paid > asOfUtc) return state;
            state = state with { Status = "processing", ModifiedUtc = paid, PaidUtc = paid };
        }
        else
        {
            paid = createdUtc.AddMinutes(1 + 4 * hours);
            if (paid > asOfUtc) return pending;
            state = new OrderState("processing", paid, paid, null, null, false, payment);
        }

        var completed = paid.AddDays(0.5 + 5 * days);
        if (completed > asOfUtc) return state;
        state = state with { Status = "completed", ModifiedUtc = completed, CompletedUtc = completed };

        if (refundDraw >= 0.07) return state;
        var refunded = completed.AddDays(2 + 30 * refundDelay);
        if (refunded > asOfUtc) return state;
        return state with
        {
            Status = fullRefund ? "refunded" : "completed",
            ModifiedUtc = refunded,
            RefundUtc = refunded,
            FullRefund = fullRefund,
        };
    }

    private static OrderState Step(OrderState before, DateTime at, DateTime asOf, Func<OrderState, OrderState> change)
        => at > asOf ? before : change(before) with { ModifiedUtc = at };
}
