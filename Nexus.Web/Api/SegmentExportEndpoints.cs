using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Nexus.Core.Accounts;
using Nexus.Core.Analytics;
using Nexus.Core.Analytics.Metrics;
using Nexus.Core.Analytics.Rfm;
using Nexus.Core.Exports;
using Nexus.Web.Components.Pages.Customers;

namespace Nexus.Web.Api;

/// <summary>
/// <c>GET /api/analytics/rfm/contacts.csv</c>: RFM segments as a Mailchimp or Klaviyo contact import, signed-in merchants
/// only. The tenant comes from the sign-in cookie, never from the request, so another merchant's store id finds nothing (404).
/// The rows come from <see cref="SegmentContactExport"/>; this only reads the request and writes the file.
/// </summary>
public static class SegmentExportEndpoints
{
    /// <summary>Response header with the number of the segment's customers left out for having no e-mail address.</summary>
    public const string WithoutEmailHeader = "X-Nexus-Customers-Without-Email";

    public static IEndpointRouteBuilder MapSegmentExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/analytics/rfm").RequireAuthorization().MapGet("/contacts.csv", ContactsCsvAsync);
        return app;
    }

    /// <summary>The query every RFM export shares: store (0 = all), currency, and the page's days and filters.</summary>
    public static string RfmQuery(int store, string? currency, ReportSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return $"store={store}&currency={Uri.EscapeDataString(currency ?? "")}&{(selection with { Store = null }).ToQuery()}";
    }

    /// <summary>The link an export button opens: one segment (or all, <paramref name="segment"/> null) for one tool.</summary>
    public static string Href(EmailTool tool, int store, string? currency, ReportSelection selection, RfmSegment? segment) =>
        $"api/analytics/rfm/contacts.csv?tool={tool.ToString().ToLowerInvariant()}&{RfmQuery(store, currency, selection)}{(segment is { } s ? $"&segment={s}" : "")}";

    /// <summary>An optional segment name as the URL carries it ("Champions"); false when it names none.</summary>
    internal static bool TryParseSegment(string? text, out RfmSegment? segment)
    {
        segment = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!Enum.TryParse<RfmSegment>(text, ignoreCase: false, out var parsed) || int.TryParse(text, out _)) return false;
        segment = parsed;
        return true;
    }

    /// <summary>The Customers page's selection from an export's query (the page's defaults when absent), with the store as given (0 = all).</summary>
    internal static ReportSelection SelectionOf(HttpRequest request, int store) =>
        ReportSelection.Parse(request.QueryString.Value, CustomersPageDefaults.Selection) with { Store = store == 0 ? null : store };

    /// <summary>
    /// <c>?tool=mailchimp|klaviyo&amp;store=ID|0&amp;currency=EUR[&amp;segment=Champions][&amp;range=…]</c>, the same days and filters as the
    /// Customers page (<see cref="ReportSelection"/>, the page's defaults when absent). 404 when the store is not the caller's or
    /// has no revenue orders in that currency.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, NotFound, BadRequest<string>, ForbidHttpResult>> ContactsCsvAsync(HttpContext http, ClaimsPrincipal user,
        SegmentContactExport export, int store, string currency, string tool, string? segment, CancellationToken cancellationToken)
    {
        if (user.FindTenantId() is not { } tenantId) return TypedResults.Forbid();
        if (!Enum.TryParse<EmailTool>(tool, ignoreCase: true, out var emailTool) || int.TryParse(tool, out _))
            return TypedResults.BadRequest($"unknown tool '{tool}': use mailchimp or klaviyo");
        if (!TryParseSegment(segment, out var only)) return TypedResults.BadRequest($"unknown segment '{segment}'");
        SegmentContactList contacts;
        try
        {
            var result = await export.RfmForSelectionAsync(tenantId, SelectionOf(http.Request, store), currency, cancellationToken);
            contacts = await export.ContactsAsync(result, only, cancellationToken);
        }
        catch (InsufficientDataException)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers[WithoutEmailHeader] = contacts.WithoutEmail.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.File(Encoding.UTF8.GetBytes(EmailToolCsv.Write(emailTool, contacts)), "text/csv; charset=utf-8",
            EmailToolCsv.FileName(emailTool, store == 0 ? null : store, only));
    }
}
