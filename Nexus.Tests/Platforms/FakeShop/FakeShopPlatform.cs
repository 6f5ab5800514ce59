using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Web.Sandbox.Hosting;
using Nexus.Core.Resilience;

namespace Nexus.Tests.Platforms.FakeShop;

/// <summary>
/// A platform that exists only in the test project, added the way a real one is: a descriptor with its own credential
/// schema, a connector that pages by opaque cursor inside a wrapped envelope (<c>data.orders.nodes</c> + <c>pageInfo</c>)
/// and signals throttling with a header on 200 answers, and a sandbox emulator. Nothing outside this folder changes.
/// </summary>
public static class FakeShopPlatform
{
    public const string Id = "fakeshop";

    public static IServiceCollection AddFakeShop(this IServiceCollection services)
    {
        services.AddConnectorHttp();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISandboxEmulator, FakeShopEmulator>());
        services.AddSingleton(new PlatformDescriptor
        {
            Id = Id,
            DisplayName = "FakeShop",
            CredentialsHelp = "FakeShop admin → Apps → Private access: copy the access token and the account id.",
            Credentials =
            [
                new CredentialField("token", "Access token", "Starts with fk_", Secret: true, Pattern: "fk_[A-Za-z0-9_-]+", PatternHint: "it starts with fk_"),
                new CredentialField("account", "Account id", "Shown under Settings → Account, like acct-123", Pattern: "acct-[0-9]+", PatternHint: "acct- followed by digits"),
            ],
            UrlPlaceholder = "https://example.fakeshop.test",
            DefaultRequestsPerMinute = 600,
            IncrementalEntities = new HashSet<SyncEntity>(),
            CreateConnector = (provider, target) => new FakeShopConnector(
                provider.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpServiceCollectionExtensions.HttpClientName), target,
                provider.GetRequiredService<RequestBudgetRegistry>().For(Id, target.StoreId, target.RequestsPerMinute),
                provider.GetRequiredService<ConnectorPipelineFactory>().For(Id, target.StoreId, TestResilience),
                provider.GetRequiredService<TimeProvider>()),
        });
        return services;
    }

    /// <summary>Short delays: the policy is the shared one, only faster.</summary>
    public static ConnectorResilienceOptions TestResilience { get; } = new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200) };
}

/// <summary>The FakeShop connector: cursor paging, wrapped envelope, bearer token + account header.</summary>
public sealed class FakeShopConnector : IStoreConnector
{
    public const int PageSize = 25;
    private readonly ConnectorHttpClient _http;
    private readonly Uri _api;

    public FakeShopConnector(HttpClient http, ConnectorTarget target, RequestBudget budget, Polly.ResiliencePipeline<HttpResponseMessage> pipeline, TimeProvider time)
    {
        _api = new Uri(target.BaseUrl.TrimEnd('/') + "/api/");
        var credentials = target.Credentials;
        _http = new ConnectorHttpClient(http, new ConnectorHttpProfile
        {
            CreateGet = uri =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credentials["token"]);
                request.Headers.Add("X-Fake-Account", credentials["account"]);
                return request;
            },
            ThrottleSignal = response => response.Headers.TryGetValues("X-Fake-Throttle", out var values)
                ? TimeSpan.FromMilliseconds(int.Parse(values.First(), CultureInfo.InvariantCulture)) : null,
        }, budget, pipeline, new RequestCounters(), time, FakeShopPlatform.TestResilience);
    }

    public string Platform => FakeShopPlatform.Id;

    public PagingStyle Paging => PagingStyle.Cursor;

    public ConnectorStats Stats => _http.Counters.Snapshot();

    public bool SupportsModifiedFilter(SyncEntity entity) => false;

    public async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var shop = await _http.GetAsync(new Uri(_api, "shop"), "the shop", async (body, ct) => await JsonSerializer.DeserializeAsync<JsonElement>(body, cancellationToken: ct), cancellationToken);
            var name = shop.Value.GetProperty("name").GetString();
            return new ConnectionTestResult(true, $"Connected to {name}.", StoreName: name, Currency: shop.Value.GetProperty("currency").GetString(), PlatformVersion: "FakeShop 1");
        }
        catch (ConnectorException ex)
        {
            return ConnectionTestResult.Failed(ex.Message, ex is ConnectorAuthenticationException auth ? auth.Fix : "Check the address and try again.");
        }
    }

    public Task<FetchedPage<Customer>> FetchCustomersAsync(PageRequest request, CancellationToken cancellationToken) =>
        PageAsync("customers", request, new RecordMapper<FakeCustomer, Customer>("customer", Json<FakeCustomer>(), c => MappingResult<Customer>.Success(new Customer
        {
            PlatformId = c.Id.ToString(CultureInfo.InvariantCulture), Email = c.Email, FirstName = c.FirstName, LastName = c.LastName,
            CreatedAt = c.CreatedAt, ModifiedAt = c.UpdatedAt,
        })), cancellationToken);

    public Task<FetchedPage<Product>> FetchProductsAsync(PageRequest request, CancellationToken cancellationToken) =>
        PageAsync("products", request, new RecordMapper<FakeProduct, Product>("product", Json<FakeProduct>(), p => MappingResult<Product>.Success(new Product
        {
            PlatformId = p.Id.ToString(CultureInfo.InvariantCulture), Name = p.Title, Sku = p.Sku, Type = ProductType.Simple, RawType = "simple",
            Price = new Money(p.Price, p.Currency), RegularPrice = new Money(p.Price, p.Currency), ModifiedAt = p.UpdatedAt,
        })), cancellationToken);

    public Task<FetchedPage<Order>> FetchOrdersAsync(PageRequest request, CancellationToken cancellationToken) =>
        PageAsync("orders", request, new RecordMapper<FakeOrder, Order>("order", Json<FakeOrder>(), MapOrder), cancellationToken);

    private static MappingResult<Order> MapOrder(FakeOrder o)
    {
        if (o.CreatedAt is not { } created)
            return MappingResult<Order>.Failure([new MappingIssue("created_at", null, MappingRules.Required, "created_at is required.")]);
        Money M(decimal amount) => new(amount, o.Currency);
        var lines = o.LineItems.Select(l => new OrderLine
        {
            PlatformId = l.Id.ToString(CultureInfo.InvariantCulture), ProductPlatformId = l.ProductId?.ToString(CultureInfo.InvariantCulture),
            VariantPlatformId = l.VariantId?.ToString(CultureInfo.InvariantCulture), Sku = l.Sku, Quantity = l.Quantity,
            UnitPrice = M(l.Quantity == 0 ? 0 : l.Total / l.Quantity), Subtotal = M(l.Total), SubtotalTax = M(0), Total = M(l.Total), TotalTax = M(0),
        }).ToList();
        return MappingResult<Order>.Success(new Order
        {
            PlatformId = o.Id.ToString(CultureInfo.InvariantCulture), Number = o.Name, CustomerPlatformId = o.CustomerId is > 0 ? o.CustomerId.Value.ToString(CultureInfo.InvariantCulture) : null,
            Currency = o.Currency, Status = Enum.TryParse<OrderStatus>(o.Status.Replace("-", ""), true, out var s) ? s : OrderStatus.Unknown, RawStatus = o.Status,
            Subtotal = M(lines.Sum(l => l.Total.Amount)), DiscountTotal = M(0), DiscountTax = M(0), ShippingTotal = M(o.Total - lines.Sum(l => l.Total.Amount)),
            ShippingTax = M(0), TaxTotal = M(0), Total = M(o.Total), CreatedAt = created, ModifiedAt = o.UpdatedAt, Lines = lines,
        });
    }

    private async Task<FetchedPage<T>> PageAsync<TDto, T>(string entity, PageRequest request, RecordMapper<TDto, T> mapper, CancellationToken cancellationToken)
        where TDto : class
        where T : class
    {
        var query = $"{entity}?first={PageSize}" + (request.Token is { } cursor ? "&after=" + Uri.EscapeDataString(cursor) : "");
        var response = await _http.GetAsync(new Uri(_api, query), $"{entity} after {request.Token ?? "the start"}", async (body, ct) =>
        {
            using var buffer = new MemoryStream();
            await body.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            var mapped = JsonPageMapper.Map(bytes, PageEnvelope.At($"data.{entity}.nodes"), mapper);
            var hasNext = JsonPageMapper.ValueAt(bytes, $"data.{entity}.pageInfo.hasNextPage")?.GetBoolean() ?? false;
            var next = hasNext ? JsonPageMapper.ValueAt(bytes, $"data.{entity}.pageInfo.endCursor")?.GetString() : null;
            return (mapped, next, Total: JsonPageMapper.ValueAt(bytes, "totalCount")?.GetInt64());
        }, cancellationToken);
        var (page, nextToken, total) = response.Value;
        return new FetchedPage<T>(request.Token, nextToken, total, page.Mapped, page.Quarantined);
    }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    private static JsonTypeInfo<TDto> Json<TDto>() => (JsonTypeInfo<TDto>)Options.GetTypeInfo(typeof(TDto));
}

public sealed record FakeCustomer(long Id, string? Email, string? FirstName, string? LastName, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt);

public sealed record FakeProduct(long Id, string Title, string? Sku, decimal Price, string Currency, DateTimeOffset? UpdatedAt);

public sealed record FakeLine(long Id, long? ProductId, long? VariantId, string? Sku, decimal Quantity, decimal Total);

public sealed record FakeOrder(long Id, string Name, long? CustomerId, string Status, string Currency, decimal Total, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("line_items")] IReadOnlyList<FakeLine> LineItems);
