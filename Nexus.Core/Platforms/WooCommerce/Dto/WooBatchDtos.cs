namespace Nexus.Core.Platforms.WooCommerce.Dto;

/// <summary>
/// A batch endpoint's response (<c>POST /orders/batch</c> etc.): the records created, updated and
/// deleted. An entry that failed carries an <c>error</c> object, which lands in the record's extension data.
/// </summary>
public sealed record WooOrderBatchDto
{
    public IReadOnlyList<WooOrderDto>? Create { get; set; }
    public IReadOnlyList<WooOrderDto>? Update { get; set; }
    public IReadOnlyList<WooOrderDto>? Delete { get; set; }
}

/// <summary><c>GET /customers/{id}/downloads</c>: downloadable files a customer may fetch.</summary>
public sealed record WooCustomerDownloadDto
{
    public string? DownloadId { get; set; }
    public string? DownloadUrl { get; set; }
    public long? ProductId { get; set; }
    public string? ProductName { get; set; }
    public string? DownloadName { get; set; }
    public long? OrderId { get; set; }
    public string? OrderKey { get; set; }

    /// <summary>A count, or "unlimited"; kept as text.</summary>
    public string? DownloadsRemaining { get; set; }

    /// <summary>A date, or "never"; kept as text for that reason.</summary>
    public string? AccessExpires { get; set; }

    public string? AccessExpiresGmt { get; set; }
    public WooDownloadFileDto? File { get; set; }
}

public sealed record WooDownloadFileDto
{
    public string? Name { get; set; }
    public string? File { get; set; }
}
