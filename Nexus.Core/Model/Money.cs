using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Nexus.Core.Model;

/// <summary>
/// An amount in one ISO 4217 currency. A value type because orders carry many of them and the
/// mapper's hot path should not allocate one object per total.
/// </summary>
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (!IsIsoCurrencyCode(currency))
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code (three upper-case letters).", nameof(currency));
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    /// <summary>ISO 4217 alphabetic code, e.g. "USD".</summary>
    public string Currency { get; }

    public static Money Zero(string currency) => new(0m, currency);

    /// <summary>Shape check only (three ASCII upper-case letters); whether the code is assigned is Quality's job.</summary>
    public static bool IsIsoCurrencyCode([NotNullWhen(true)] string? code) =>
        code is { Length: 3 } && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    public Money Abs() => new(Math.Abs(Amount), Currency);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount} {Currency}");

    // Adding euros to dollars silently is the classic multi-store analytics bug, so it is a hard error.
    private static string SameCurrency(Money left, Money right) =>
        string.Equals(left.Currency, right.Currency, StringComparison.Ordinal)
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}; convert first.");
}
