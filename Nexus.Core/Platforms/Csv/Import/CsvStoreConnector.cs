using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;

namespace Nexus.Core.Platforms.Csv.Import;

/// <summary>
/// The connector of a CSV store: the store's pending upload (<see cref="CsvImportPlan"/>) is a cursor-paged listing
/// of one entity, read by <see cref="CsvPageSource{T}"/>; the token is the file offset after the page
/// (<see cref="CsvPosition"/>), so the sync engine's checkpoint resumes an interrupted import exactly there. The
/// other two entities are empty listings. Unreadable rows travel as quarantined records with line number and raw text.
/// </summary>
public sealed class CsvStoreConnector(ConnectorTarget target, CsvUploadStore uploads, int pageSize) : IStoreConnector, IAsyncDisposable
{
    private OpenFile? _open;
    private int _pages;

    public string Platform => CsvPlatform.Id;

    public PagingStyle Paging => PagingStyle.Cursor;

    public bool SupportsModifiedFilter(SyncEntity entity) => false;

    public ConnectorStats Stats => new(_pages, 0, 0);

    public Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ConnectionTestResult(true, "CSV stores read uploaded files; there is nothing to connect to.", StoreName: "CSV files"));

    public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken) =>
        FetchAsync(CsvImportEntity.Customers, request, p => CsvRecordMappers.Customers(p.Upload.Recognised ? null : p.Mapping), cancellationToken);

    public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken) =>
        FetchAsync(CsvImportEntity.Products, request, p => CsvRecordMappers.Products(p.Plan.ProductCurrency, p.Upload.Recognised ? null : p.Mapping), cancellationToken);

    public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken) =>
        FetchAsync(CsvImportEntity.Orders, request, p => CsvRecordMappers.Orders(p.Upload.Recognised ? null : p.Mapping), cancellationToken);

    private async Task<FetchedPage<T>> FetchAsync<T>(CsvImportEntity entity, PageRequest request, Func<PendingCsvImport, Func<CsvHeader, ICsvRecordMapper<T>>> mappers, CancellationToken cancellationToken)
        where T : class
    {
        var pending = await uploads.PendingForStoreAsync(target.StoreId, cancellationToken);
        if (pending is null || pending.Plan.Entity != entity)
            return new FetchedPage<T>(request.Token, null, 0, [], []);

        // The engine asks for the page after the one it was just given: keep reading the open file then; otherwise (the
        // first page, or a resume after a restart) open it at the token's position.
        if (_open is not { } open || open.Entity != entity || open.NextToken != request.Token)
        {
            await CloseAsync();
            open = _open = await OpenAsync(entity, pending, request.Token, mappers(pending), cancellationToken);
        }
        var source = (OpenFile<T>)open;
        if (!await source.Pages.MoveNextAsync())
            throw new ConnectorException($"The import read past the end of {pending.Upload.FileName}; start it again.");
        var page = source.Pages.Current;
        _pages++;
        var next = page.IsLast ? null : $"{pending.Upload.Id}|{page.Next.ToToken()}";
        source.NextToken = next;
        source.Read += page.Records.Count + page.Quarantined.Count;
        // The first page tells how many bytes a record takes, which gives the progress bar its page count.
        int? estimate = page.IsLast ? 1 : page.BytesRead > source.StartOffset
            ? (int)Math.Ceiling((double)(page.TotalBytes - source.StartOffset) / (page.BytesRead - source.StartOffset))
            : null;
        var quarantined = page.Quarantined.Select(q => q.ToQuarantined()).ToList();
        if (page.IsLast) await CloseAsync();
        return new FetchedPage<T>(request.Token, next, null, page.Records, quarantined, estimate);
    }

    private async Task<OpenFile<T>> OpenAsync<T>(CsvImportEntity entity, PendingCsvImport pending, string? token, Func<CsvHeader, ICsvRecordMapper<T>> mapper, CancellationToken cancellationToken)
        where T : class
    {
        // The token names the upload it points into: a checkpoint left by an interrupted import of another file starts this one from the top.
        var position = token?.Split('|', 2) is [var uploadId, var csvToken] && uploadId == pending.Upload.Id ? csvToken : null;
        CsvPosition? from;
        try
        {
            from = position is null ? null : CsvPosition.Parse(position);
        }
        catch (FormatException)
        {
            throw new ConnectorException($"The saved import position '{token}' does not belong to a CSV file; start the import again.");
        }
        var read = pending.Mapping is { } mapping && !pending.Upload.Recognised ? mapping.ReadOptions() : new CsvReadOptions();
        var stream = File.OpenRead(pending.Path);
        try
        {
            var source = await CsvPageSource<T>.OpenAsync(stream, mapper, new CsvPageOptions { PageSize = pageSize, Read = read }, from, cancellationToken);
            return new OpenFile<T>(entity, stream, source, token, from?.ByteOffset ?? 0, cancellationToken);
        }
        catch (Exception ex)
        {
            await stream.DisposeAsync();
            throw ex switch
            {
                CsvMappingRequiredException mappingRequired => new CsvImportNeedsMerchantException(mappingRequired.Message, ex),
                CsvNotReadableException unreadable => new CsvImportNeedsMerchantException($"{pending.Upload.FileName}: {unreadable.Message}", ex),
                _ => ex,
            };
        }
    }

    private async Task CloseAsync()
    {
        if (_open is { } open) await open.DisposeAsync();
        _open = null;
    }

    public ValueTask DisposeAsync() => new(CloseAsync());

    private abstract class OpenFile(CsvImportEntity entity, string? token) : IAsyncDisposable
    {
        public CsvImportEntity Entity { get; } = entity;
        public string? NextToken { get; set; } = token;
        public long Read { get; set; }
        public abstract ValueTask DisposeAsync();
    }

    private sealed class OpenFile<T>(CsvImportEntity entity, Stream stream, CsvPageSource<T> source, string? token, long startOffset, CancellationToken cancellationToken)
        : OpenFile(entity, token)
        where T : class
    {
        public long StartOffset { get; } = startOffset;

        public IAsyncEnumerator<CsvPage<T>> Pages { get; } = source.ReadPagesAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await Pages.DisposeAsync();
            await source.DisposeAsync();
            await stream.DisposeAsync();
        }
    }
}

/// <summary>The file cannot be imported as it is (not CSV, or its columns need a mapping): the merchant must act, retrying will not help.</summary>
public sealed class CsvImportNeedsMerchantException(string message, Exception inner) : ConnectorException(message, inner, ConnectorErrorKind.NotFound)
{
    public override bool NeedsMerchant => true;
}
