using System.Security.Claims;
using Nexus.Core.Accounts;
using Nexus.Core.Quality;
using Nexus.Core.Quality.Scoring;

namespace Nexus.Web.Quality;

/// <summary>
/// <c>GET /api/quality/failures.csv[?store=ID]</c>: the signed-in merchant's current rule failures as CSV. Scoped to the
/// merchant's tenant: another merchant's store id is a 404, exactly like a store that does not exist.
/// </summary>
public static class QualityEndpoints
{
    public const string FailuresCsvPath = "/api/quality/failures.csv";

    public static string FailuresCsvUrl(int? storeId) => storeId is { } id ? $"{FailuresCsvPath.TrimStart('/')}?store={id}" : FailuresCsvPath.TrimStart('/');

    public static IEndpointRouteBuilder MapQualityEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(FailuresCsvPath, ExportAsync).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> ExportAsync(HttpContext http, QualityReportQuery reports, int? store, CancellationToken cancellationToken)
    {
        if (http.User.FindTenantId() is not { } tenantId)
            return Results.Forbid();
        if (store is { } id && !await reports.OwnsStoreAsync(tenantId, id, cancellationToken))
            return Results.NotFound();

        var name = store is { } s ? $"quality-failures-store-{s}.csv" : "quality-failures.csv";
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await using var writer = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), leaveOpen: true);
        await QualityCsvExport.WriteAsync(writer, reports.IssuesAsync(tenantId, store, cancellationToken), cancellationToken);
        await writer.FlushAsync(cancellationToken);
        return Results.Empty;
    }
}
