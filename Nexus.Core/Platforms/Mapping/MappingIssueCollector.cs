namespace Nexus.Core.Platforms.Mapping;

/// <summary>Collects every issue of one record (not just the first) so a quarantine row explains all of it.</summary>
public sealed class MappingIssueCollector
{
    private List<MappingIssue>? _issues;

    public bool HasIssues => _issues is { Count: > 0 };

    public IReadOnlyList<MappingIssue> Issues => _issues ?? (IReadOnlyList<MappingIssue>)[];

    public void Add(string field, string? value, string rule, string message) =>
        (_issues ??= []).Add(new MappingIssue(field, value, rule, message));

    public MappingResult<T> Fail<T>()
        where T : class => MappingResult<T>.Failure(Issues);
}
