using Nexus.Core.Analytics.Forecasting;

namespace Nexus.Tests.Analytics.Forecasting;

/// <summary>The M-competition wide layout: what is read, what is refused and how the refusal reads.</summary>
public sealed class WideSeriesCsvTests
{
    private static WideSeriesFile Read(string text) => WideSeriesCsv.Read(new StringReader(text), 5);

    [Fact]
    public void Quoted_and_plain_ids_and_values_with_trailing_empty_cells_are_read()
    {
        var file = Read("\"V1\",\"V2\",\"V3\",\"V4\",\"V5\",\"V6\",\"V7\"\n\"W1\",\"1\",\"2.5\",\"3\",\"4\",\"5\",\"6\"\nW2,10,20,30,40,50,,\n\"a, b\",1e3,2,3,4,5,\"\"\n");

        Assert.Empty(file.Errors);
        Assert.Equal(["W1", "W2", "a, b"], file.Series.Select(s => s.Id));
        Assert.Equal([1, 2.5, 3, 4, 5, 6], file.Series[0].Values);
        Assert.Equal(5, file.Series[1].Values.Length);
        Assert.Equal(1000, file.Series[2].Values[0]);
        Assert.Equal([2, 3, 4], file.Series.Select(s => s.Line));
    }

    [Fact]
    public void Text_in_a_value_a_gap_and_a_short_series_are_errors_naming_the_line_and_the_rest_is_read()
    {
        var file = Read("id,v1,v2,v3,v4,v5,v6\nA,1,2,x3,4,5,6\nB,1,2,3,4,5,6\nC,1,2\nD,1,,3,4,5,6\n");

        Assert.Equal(["B"], file.Series.Select(s => s.Id));
        Assert.Equal(3, file.Errors.Count);
        Assert.Equal("line 2 (series A): value 3 (column 4) is 'x3', not a number", file.Errors[0].ToString());
        Assert.Equal("line 4 (series C): the series has 2 observations; at least 5 are needed", file.Errors[1].ToString());
        Assert.Contains("line 5 (series D): value 2 (column 3) is empty", file.Errors[2].ToString());
    }

    [Fact]
    public void A_header_only_file_and_an_empty_file_say_so()
    {
        Assert.Equal("line 1: the file has a header row but no series below it", Assert.Single(Read("id,v1,v2\n").Errors).ToString());
        Assert.Contains("the file is empty", Assert.Single(Read("").Errors).Message);
    }

    [Fact]
    public void Written_forecasts_have_a_header_and_one_quoted_id_row_per_series()
    {
        var writer = new StringWriter();
        WideSeriesCsv.Write(writer, 2, [("W1", [1.5, 2]), ("a, b", [3, 4])]);

        Assert.Equal($"id,F1,F2{Environment.NewLine}W1,1.5,2{Environment.NewLine}\"a, b\",3,4{Environment.NewLine}", writer.ToString());
    }
}
