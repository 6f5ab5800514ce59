using Nexus.Core.Exports;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Rfm;
using Nexus.Web.Components.Pages.Customers;

namespace Nexus.Web.Api;

/// <summary>
/// The analytics HTTP API (<c>/api/analytics/…</c>), signed-in merchants only and scoped to the caller's tenant:
/// the tenant comes from the sign-in cookie, never from the request, so a store id of another merchant finds nothing.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").RequireAuthorization();
        group.MapGet("/rfm/customers.csv", RfmCustomersCsvAsync);
        return app;
    }

    /// <summary>
    /// <c>GET /api/analytics/rfm/customers.csv?store=ID|0&amp;currency=EUR[&amp;segment=Champions][&amp;range=…&amp;platform=…&amp;country=…&amp;customers=…]</c>:
    /// every customer's R/F/M, scores and segment (optionally one segment), best customers first, for the same days and
    /// filters as the Customers page (<see cref="ReportSelection"/>, the page's defaults when absent). 404 when the store is
    /// not the caller's or has no revenue orders in that currency.
    /// </summary>
    private static async Task<IResult> RfmCustomersCsvAsync(HttpRequest request, ClaimsPrincipal user, CustomerAnalytics analytics, OverviewQuery overview, TimeProvider clock,
        int store, string currency, string? segment, CancellationToken cancellationToken)
    {
        if (user.FindTenantId() is not { } tenantId) return Results.Forbid();
        RfmSegment? only = null;
        if (!string.IsNullOrEmpty(segment))
        {
            if (!Enum.TryParse<RfmSegment>(segment, ignoreCase: false, out var parsed)) return Results.BadRequest($"unknown segment '{segment}'");
            only = parsed;
        }
        RfmResult result;
        try
        {
            var selection = ReportSelection.Parse(request.QueryString.Value, CustomersPageDefaults.Selection) with { Store = store == 0 ? null : store };
            var scope = AnalyticsScope.AsOfToday(tenantId, null, currency, clock).Filtered(selection);
            scope = scope.Within(await overview.PeriodAsync(scope, selection, clock, cancellationToken));
            result = await analytics.RfmAsync(scope, cancellationToken: cancellationToken);
        }
        catch (InsufficientDataException)
        {
            return Results.NotFound();
        }
        var csv = new StringBuilder("customer_id,name,email,recency_days,frequency,monetary,currency,r,f,m,segment\n");
        foreach (var c in result.Report.Customers.Where(c => only is null || c.Segment == only)
                     .OrderByDescending(c => c.Monetary).ThenBy(c => c.CustomerId, StringComparer.Ordinal))
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Csv.Field(c.CustomerId)},{NameField(result, c.CustomerId, n => n.Name)},{NameField(result, c.CustomerId, n => n.Email ?? GuestEmail(c.CustomerId))},{c.RecencyDays},{c.Frequency},{c.Monetary},{currency},{c.RecencyScore},{c.FrequencyScore},{c.MonetaryScore},{c.Segment}\n");
        }
        var name = $"rfm-{(store == 0 ? "all-stores" : $"store-{store}")}{(only is null ? "" : "-" + only)}.csv";
        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", name);
    }

    /// <summary>A name or e-mail from the store: untrusted text, so formula-defused like the quality export.</summary>
    private static string NameField(RfmResult result, string key, Func<CustomerName, string?> part) =>
        Csv.Field(result.Names.TryGetValue(key, out var name) ? part(name) : part(new CustomerName(null, null)));

    // A customer without an account entry is known by the e-mail of their orders when their key is one.
    private static string? GuestEmail(string key) => Nexus.Core.Analytics.Customers.PersonIdentity.KindOf(key) == Nexus.Core.Analytics.Customers.PersonKeyKind.Email ? key : null;
}
