using Nexus.Core.Quality.Rules;

namespace Nexus.Core.Quality.Scoring;

/// <summary>One entity's quality: how many records, how many have issues (by their worst severity), the score and grade.</summary>
public sealed record EntityScore(string Entity, long Records, long ErrorRecords, long WarningRecords, long InfoRecords, long QuarantinedRecords, double Score, string Grade)
{
    public long CleanRecords => Math.Max(0, Records - ErrorRecords - WarningRecords - InfoRecords);
}

/// <summary>
/// The score formula (docs/quality-rules.md#scoring). Each record costs the weight of its worst issue — error 1,
/// warning 0.5, info 0.1, none 0 (a quarantined record has an error) — so an entity's score is
/// <c>100 × (1 − Σ cost / records)</c>: the share of records affected, weighted by how bad their worst problem is.
/// A record with three warnings costs the same as one with one warning: the score answers "how much of my data can
/// I trust", not "how many problems are there" (the rule list answers that). The store's score is the mean of its
/// entities' scores, so 100 products weigh as much as 100 000 orders: a broken catalogue hurts every report.
/// </summary>
public static class QualityScorer
{
    public static double Weight(QualitySeverity severity) => severity switch
    {
        QualitySeverity.Error => 1.0,
        QualitySeverity.Warning => 0.5,
        _ => 0.1,
    };

    /// <summary>
    /// A record's worst problem, null when it has none. Records are counted by it everywhere (the report card and the
    /// live sync panel), so "records with errors" means the same thing on both.
    /// </summary>
    public static QualitySeverity? WorstSeverity(IEnumerable<RecordIssue> issues)
    {
        QualitySeverity? worst = null;
        foreach (var issue in issues)
            if (worst is null || issue.Severity > worst) worst = issue.Severity;
        return worst;
    }

    public static EntityScore Score(string entity, long records, long errorRecords, long warningRecords, long infoRecords, long quarantinedRecords)
    {
        if (records <= 0) return new EntityScore(entity, 0, 0, 0, 0, 0, 100, Grades.For(100));
        var cost = errorRecords * Weight(QualitySeverity.Error) + warningRecords * Weight(QualitySeverity.Warning) + infoRecords * Weight(QualitySeverity.Info);
        var score = Math.Clamp(100.0 * (1.0 - cost / records), 0, 100);
        return new EntityScore(entity, records, errorRecords, warningRecords, infoRecords, quarantinedRecords, Math.Round(score, 1), Grades.For(score));
    }

    /// <summary>Mean of the scores of entities that have records; null when there are none (nothing synced yet).</summary>
    public static double? Overall(IEnumerable<EntityScore> entities)
    {
        var present = entities.Where(e => e.Records > 0).ToList();
        return present.Count == 0 ? null : Math.Round(present.Average(e => e.Score), 1);
    }
}

/// <summary>Scores to school grades. Bands of about 3 points, as US report cards use; F below 60.</summary>
public static class Grades
{
    private static readonly (double Min, string Grade)[] Bands =
    [
        (97, "A+"), (93, "A"), (90, "A-"), (87, "B+"), (83, "B"), (80, "B-"), (77, "C+"), (73, "C"), (70, "C-"), (67, "D+"), (63, "D"), (60, "D-"),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Bands.Select(b => b.Grade), "F"];

    public static string For(double score)
    {
        foreach (var (min, grade) in Bands)
            if (score >= min) return grade;
        return "F";
    }
}
