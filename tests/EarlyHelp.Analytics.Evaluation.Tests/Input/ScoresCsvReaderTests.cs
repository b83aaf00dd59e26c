using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Evaluation.Tests.Input;

public sealed class ScoresCsvReaderTests
{
    private static readonly ScoresFileLayout Layout = new() { ScoreColumn = "score", LabelColumn = "label", GroupColumns = ["area"] };

    [Fact]
    public void Read_WellFormedFile_ReadsEveryColumnAsked()
    {
        const string csv = "id,score,label,area,raw,visits,band\n7,0.25,0,North,-1.5,3,Low\n3,0.75,1,South,2.0,,High\n";
        var layout = Layout with { RawScoreColumn = "raw", TieKeyColumn = "id", FeatureColumns = ["visits"], SelectColumn = "band", SelectValues = ["High"] };

        var file = ScoresCsvReader.Read(new StringReader(csv), "s.csv", layout);

        Assert.Equal([0.25, 0.75], file.Population.Scores);
        Assert.Equal([0.0, 1.0], file.Population.Labels);
        Assert.Equal(["North", "South"], file.Population.Groups[0].Values);
        Assert.Equal([-1.5, 2.0], file.Population.RawScores!);
        Assert.Equal([7L, 3L], file.Population.TieKeys!);
        Assert.True(double.IsNaN(file.Population.Features[0].Values[1]));
        Assert.Equal([false, true], file.SelectionFlags!);
    }

    [Theory]
    [InlineData("score,label,area\n0.1,0,A\nabc,1,B\n", "s.csv:3:1: The score 'abc' in column 'score' is not a number.")]
    [InlineData("score,label,area\n0.1,0,A\n0.2,2,B\n", "s.csv:3:2: The label '2' in column 'label' must be 0 or 1.")]
    [InlineData("score,label,area\n0.1,0,A\n0.2,1,\n", "s.csv:3:3: The group column 'area' is empty; every row needs a group (use a value such as 'Not known').")]
    [InlineData("score,label,area\n0.1,,A\n", "s.csv:2:2: The label in column 'label' is empty.")]
    [InlineData("score,label\n0.1,0\n", "s.csv:1: The column 'area' is not in the header (columns: score, label).")]
    [InlineData("score,label,area\n", "s.csv: The file has a header but no rows.")]
    [InlineData("", "s.csv: The file is empty; expected a header line.")]
    public void Read_BadInput_ReportsFileLineColumnAndReason(string csv, string message)
    {
        var error = Assert.Throws<AuditInputException>(() => ScoresCsvReader.Read(new StringReader(csv), "s.csv", Layout));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_RowWithTooFewFields_ReportsItsLine()
    {
        var error = Assert.Throws<AuditInputException>(() => ScoresCsvReader.Read(new StringReader("score,label,area\n0.1,0,A\n0.2,1\n"), "s.csv", Layout));

        Assert.StartsWith("s.csv:3", error.Message);
    }

    [Fact]
    public void Read_SelectValuesThatNeverOccur_RefusesTheFile()
    {
        var layout = Layout with { SelectColumn = "area", SelectValues = ["East"] };

        var error = Assert.Throws<AuditInputException>(() => ScoresCsvReader.Read(new StringReader("score,label,area\n0.1,0,A\n"), "s.csv", layout));

        Assert.Equal("s.csv: None of the values 'East' occur in the column 'area', so nobody would be selected.", error.Message);
    }
}
