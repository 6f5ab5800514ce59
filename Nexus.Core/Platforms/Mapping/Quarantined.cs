namespace Nexus.Core.Platforms.Mapping;

/// <summary>A record that could not be mapped, kept with its raw payload and the reasons.</summary>
/// <param name="EntityType">"order", "customer", "product", "variant", "refund".</param>
/// <param name="PlatformId">The record's id when it could still be read, else null.</param>
/// <param name="RawJson">The element exactly as it appeared in the page.</param>
public sealed record Quarantined(string EntityType, string? PlatformId, string RawJson, IReadOnlyList<MappingIssue> Issues);

/// <summary>One page mapped: what can be stored and what must be quarantined. Order follows the page.</summary>
public sealed record MappedPage<T>(IReadOnlyList<T> Mapped, IReadOnlyList<Quarantined> Quarantined);
