using System.Text;
using Nexus.Core.Model;

namespace Nexus.Core.Analytics.Customers;

/// <summary>What a person key is built from (see <see cref="PersonIdentity"/>).</summary>
public enum PersonKeyKind { Email, Phone, Account }

/// <summary>
/// Who a customer is across orders and stores. Platforms share no identity, so a person is recognised by contact
/// details: the normalised e-mail, else the normalised phone ("tel:+4930…"), else the store's account
/// ("{store}/{platform id}", so an account without contact details stays one customer of one store). A guest order
/// without e-mail or phone belongs to no customer (null). Every analysis groups by this key (stored on each order as
/// <c>PersonKey</c>), so one person buying in two stores, or once as a guest and once with an account, is one customer.
/// </summary>
public static class PersonIdentity
{
    private const string PhonePrefix = "tel:";

    /// <summary>Trimmed and lower-cased; null when empty or not an address at all (no "@": "n/a", "none" would merge strangers).</summary>
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) || !trimmed.Contains('@') ? null : trimmed.ToLowerInvariant();
    }

    /// <summary>Digits only, a leading "+" kept ("+49 (30) 123-45" → "+493012345"); null when there are no digits.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var trimmed = phone.Trim();
        var digits = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
            if (char.IsAsciiDigit(c)) digits.Append(c);
        if (digits.Length == 0) return null;
        return trimmed[0] == '+' ? "+" + digits : digits.ToString();
    }

    /// <summary>The key of a store's account with no contact details.</summary>
    public static string AccountKey(int storeId, string platformId) => $"{storeId}/{platformId}";

    /// <summary>The person an order belongs to from the order alone: its e-mail, else its phone, else its account; null for a guest without either.</summary>
    public static string? ForOrder(int storeId, Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Email(order.BillingEmail) ?? Email(order.Billing?.Email) ?? PhoneKey(order.Billing?.Phone ?? order.Shipping?.Phone)
            ?? (order.CustomerPlatformId is { } account ? AccountKey(storeId, account) : null);
    }

    /// <summary>A stored customer's key: e-mail, else phone, else the account.</summary>
    public static string ForCustomer(int storeId, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Email(customer.Email) ?? Email(customer.Billing?.Email) ?? PhoneKey(customer.Phone ?? customer.Billing?.Phone ?? customer.Shipping?.Phone)
            ?? AccountKey(storeId, customer.PlatformId);
    }

    /// <summary>
    /// An account order's key once its account's key is known: the order's own e-mail, else the account's e-mail, else the
    /// order's phone, else the account's key (phone or account). <paramref name="accountKey"/> null: the account is not stored.
    /// </summary>
    public static string? WithAccount(string? orderKey, string? accountKey)
    {
        if (orderKey is not null && KindOf(orderKey) == PersonKeyKind.Email) return orderKey;
        if (accountKey is not null && KindOf(accountKey) == PersonKeyKind.Email) return accountKey;
        if (orderKey is not null && KindOf(orderKey) == PersonKeyKind.Phone) return orderKey;
        return accountKey ?? orderKey;
    }

    public static PersonKeyKind KindOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith(PhonePrefix, StringComparison.Ordinal)) return PersonKeyKind.Phone;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && key.AsSpan(0, slash).IndexOfAnyExceptInRange('0', '9') < 0 ? PersonKeyKind.Account : PersonKeyKind.Email;
    }

    /// <summary>What a key shows when nothing better is known: the e-mail, the phone number, or "Account 17 (store 3)".</summary>
    public static string Describe(string key) => KindOf(key) switch
    {
        PersonKeyKind.Phone => key[PhonePrefix.Length..],
        PersonKeyKind.Account => $"Account {key[(key.IndexOf('/', StringComparison.Ordinal) + 1)..]} (store {key[..key.IndexOf('/', StringComparison.Ordinal)]})",
        _ => key,
    };

    private static string? PhoneKey(string? phone) => Phone(phone) is { } p ? PhonePrefix + p : null;
}
