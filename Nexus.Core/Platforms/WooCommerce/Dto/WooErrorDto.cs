namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>The WordPress REST error body: <c>{"code","message","data":{"status"}}</c>.</summary>
public sealed record WooErrorDto
{
    /// <summary>Machine code, e.g. "rest_no_route", "woocommerce_rest_term_invalid".</summary>
    public string? Code { get; set; }

    public string? Message { get; set; }
    public WooErrorDataDto? Data { get; set; }
}

public sealed record WooErrorDataDto
{
    /// <summary>The HTTP status the error was sent with.</summary>
    public long? Status { get; set; }
}
