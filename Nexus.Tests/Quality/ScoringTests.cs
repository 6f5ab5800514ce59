using Nexus.Core.Quality.Scoring;

namespace Nexus.Tests.Quality;

public sealed class ScoringTests
{
    [Theory]
    [InlineData(100, "A+")] [InlineData(97, "A+")] [InlineData(96.9, "A")] [InlineData(93, "A")] [InlineData(90, "A-")]
    [InlineData(89.99, "B+")] [InlineData(83, "B")] [InlineData(80, "B-")] [InlineData(77, "C+")] [InlineData(73, "C")]
    [InlineData(70, "C-")] [InlineData(67, "D+")] [InlineData(63, "D")] [InlineData(60, "D-")] [InlineData(59.9, "F")] [InlineData(0, "F")]
    public void Scores_map_to_grades(double score, string grade) => Assert.Equal(grade, Grades.For(score));

    [Fact]
    public void Each_record_costs_the_weight_of_its_worst_issue()
    {
        // 1000 records: 50 with an error (1.0), 100 with a warning at worst (0.5), 200 with info only (0.1).
        var score = QualityScorer.Score("Customers", 1000, 50, 100, 200, 10);
        Assert.Equal(100 * (1 - (50 * 1.0 + 100 * 0.5 + 200 * 0.1) / 1000), score.Score, 6);
        Assert.Equal("B+", score.Grade);   // 88.0
        Assert.Equal(650, score.CleanRecords);
    }

    [Fact]
    public void Every_record_with_an_error_is_an_F_and_no_records_is_no_grade()
    {
        Assert.Equal("F", QualityScorer.Score("Orders", 10, 10, 0, 0, 0).Grade);
        Assert.Equal(0, QualityScorer.Score("Orders", 10, 10, 0, 0, 0).Score);
        Assert.Null(QualityScorer.Overall([QualityScorer.Score("Orders", 0, 0, 0, 0, 0)]));
    }

    [Fact]
    public void The_store_score_is_the_mean_of_the_entities_that_have_records()
    {
        var overall = QualityScorer.Overall([
            QualityScorer.Score("Customers", 100, 0, 0, 0, 0),
            QualityScorer.Score("Products", 10, 5, 0, 0, 0),
            QualityScorer.Score("Orders", 0, 0, 0, 0, 0),
        ]);
        Assert.Equal(75, overall);
    }
}
