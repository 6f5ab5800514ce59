using Nexus.Core.Quality.Rules;

namespace Nexus.Core.Quality.Scoring;

/// <summary>The report card of one store, or of all a merchant's stores (<see cref="StoreId"/> null).</summary>
public sealed record QualityReport(
    int? StoreId,
    string Title,
    double? Score,
    string? Grade,
    IReadOnlyList<EntityScore> Entities,
    IReadOnlyList<RuleFailure> TopRules,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<TrendPoint> Trend,
    long QuarantinedRecords)
{
    /// <summary>False when nothing has been synced yet: the card then says so instead of grading nothing.</summary>
    public bool HasData => Score is not null;
}

/// <summary>One rule's failures: how many records, and a few examples to open.</summary>
/// <param name="Description">What the rule checks, in plain words (the id is for tooltips and exports).</param>
public sealed record RuleFailure(string RuleId, string Entity, QualitySeverity Severity, string FixHint, long Records, IReadOnlyList<IssueExample> Examples,
    string Description = "");

public sealed record IssueExample(int StoreId, string PlatformId, string Field, string? Value, string Message, bool Quarantined);

/// <summary>What to fix first: ranked by the score points fixing it would gain (ignoring overlap with other rules).</summary>
public sealed record Recommendation(int Rank, string RuleId, string Entity, QualitySeverity Severity, string What, string How, long Records, double PointsGained, IReadOnlyList<string> ExamplePlatformIds);

/// <summary>The score after one sync run or re-validation.</summary>
public sealed record TrendPoint(int StoreId, DateTimeOffset TakenAt, double Score, string Grade, string Trigger, long? RunId);

/// <summary>One quarantined record with its raw payload and reasons.</summary>
public sealed record QuarantineItem(long Id, int StoreId, long? RunId, string Entity, string? PlatformId, string Reasons, string RawPayload, DateTimeOffset QuarantinedAt);

public sealed record QuarantinePage(IReadOnlyList<QuarantineItem> Items, int Total, int Page, int PageSize);
