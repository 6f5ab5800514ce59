namespace Nexus.Core.Platforms.Mapping;

/// <summary>
/// The outcome of mapping one platform record: either the canonical value, or the issues that stop it
/// from being stored plus the raw JSON so the sync can quarantine it with its reason.
/// </summary>
public sealed class MappingResult<T>
    where T : class
{
    private MappingResult(T? value, IReadOnlyList<MappingIssue> issues, string? rawJson)
    {
        Value = value;
        Issues = issues;
        RawJson = rawJson;
    }

    public T? Value { get; }
    public IReadOnlyList<MappingIssue> Issues { get; }

    /// <summary>The record as received; set on failures that came from raw bytes.</summary>
    public string? RawJson { get; }

    public bool IsSuccess => Value is not null;

    public static MappingResult<T> Success(T value) => new(value, [], null);

    public static MappingResult<T> Failure(IReadOnlyList<MappingIssue> issues, string? rawJson = null)
    {
        if (issues.Count == 0)
            throw new ArgumentException("A failure needs at least one issue.", nameof(issues));
        return new(null, issues, rawJson);
    }

    public MappingResult<T> WithRawJson(string rawJson) => IsSuccess ? this : new(null, Issues, rawJson);
}
