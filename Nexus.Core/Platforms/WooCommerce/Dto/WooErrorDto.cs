namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>The WordPress REST error body: <c>{"code","message","data":{"status"}}</c>.</summary>
public sealed record WooErrorDto
{
    /// <summary>Machine code, e.g. "rest_no_route", "woocommerce_rest_term_invalid".</summary>
    public string? Code { get; init; }

    public string? Message { get; init; }
    public WooErrorDataDto? Data { get; init; }
}

public sealed record WooErrorDataDto
{
    /// <summary>The HTTP status the error was sent with.</summary>
    public long? Status { get; init; }
}
