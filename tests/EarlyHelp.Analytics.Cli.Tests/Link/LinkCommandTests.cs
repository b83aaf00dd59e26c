using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Link;

public sealed class LinkCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-link-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void Link_TwoFilesOneToOne_WritesClustersPairsAndReport()
    {
        var a = Write("police.csv", "ref,first,last,born", "A1,Robert,Quinfarley,1980-03-14", "A2,Amelia,Bernorton,1991-07-02", "A3,Yusuf,Marleyford,2001-12-30");
        var b = Write("school.csv", "ref,first,last,born", "B1,Bob,Quinfarley,1980-03-14", "B2,Amelia,Bernortn,1991-07-02", "B3,Grace,Upwoodson,1975-01-09");
        var output = Path.Combine(scratch, "out");
        var (exit, _, error) = CommandRunner.Run("link", "--input", a, "--input", b, "--id", "ref", "--map", "forename=first,surname=last,dob=born", "--one-to-one", "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var clusters = File.ReadAllLines(Path.Combine(output, "clusters.csv"));
        Assert.Equal("source,record,entity", clusters[0]);
        var entity = clusters.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[1], f => f[2]);
        // Robert/Bob and a one-letter surname typo with the same birth dates link; Yusuf and Grace stay alone.
        Assert.Equal(entity["A1"], entity["B1"]);
        Assert.Equal(entity["A2"], entity["B2"]);
        Assert.NotEqual(entity["A3"], entity["B3"]);
        Assert.Equal("source_l,record_l,source_r,record_r,match_weight,match_probability", File.ReadLines(Path.Combine(output, "pairs.csv")).First());
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Link_MapNamesAMissingColumn_IsBadUsage()
    {
        var a = Write("police.csv", "ref,first,last,born", "A1,Robert,Quinfarley,1980-03-14");
        var (exit, _, error) = CommandRunner.Run("link", "--input", a, "--id", "ref", "--map", "forename=given,surname=last,dob=born", "--out", Path.Combine(scratch, "out"));
        Assert.Equal(2, exit);
        Assert.Equal($"earlyhelp: {a}: no column 'given' (the columns are ref, first, last, born).", error.Trim());
    }

    [Fact]
    public void Link_MissingInputFile_IsBadInput()
    {
        var missing = Path.Combine(scratch, "absent.csv");
        var (exit, _, error) = CommandRunner.Run("link", "--input", missing, "--id", "ref", "--map", "forename=a,surname=b,dob=c", "--out", Path.Combine(scratch, "out"));
        Assert.Equal(1, exit);
        Assert.Contains("the input file does not exist", error, StringComparison.Ordinal);
    }
}
