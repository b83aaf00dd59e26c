using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Tests.Fairness;

public sealed class TrueNeedTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-true-need-{Guid.NewGuid():N}");

    public TrueNeedTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void HadNeed_SevereMonthInsideTheHorizon_OnlyThen()
    {
        // Family 1: severe (3) domestic abuse in 2024-01 and moderate (2) everything in 2024-03. Family 2: severe
        // health in 2025-01. Family 3: severe, but not asked for. Horizon after T = 2023-12-31 is the months whose
        // first day lies in (2023-12-31, 2024-12-31]: 2024-01 to 2024-12.
        File.WriteAllText(Path.Combine(folder, TrueNeed.FileName), """
            family_id,month,crime_asb,education,children_need_help,worklessness_finance,domestic_abuse,health
            1,2024-01,0,0,1,0,3,0
            1,2024-03,2,2,2,2,2,2
            2,2025-01,0,0,0,0,0,3
            3,2024-02,3,0,0,0,0,0

            """.ReplaceLineEndings("\n"));

        var need = TrueNeed.Read(folder, new HashSet<long> { 1, 2 });

        Assert.True(need.HadNeed(new FamilyId(1), new DateOnly(2023, 12, 31), 12));
        Assert.False(need.HadNeed(new FamilyId(1), new DateOnly(2024, 1, 1), 12));
        Assert.False(need.HadNeed(new FamilyId(2), new DateOnly(2023, 12, 31), 12));
        Assert.True(need.HadNeed(new FamilyId(2), new DateOnly(2024, 1, 1), 12));
        Assert.False(need.HadNeed(new FamilyId(3), new DateOnly(2023, 12, 31), 12));
    }

    [Fact]
    public void Read_BadSeverity_PointsAtTheField()
    {
        File.WriteAllText(Path.Combine(folder, TrueNeed.FileName),
            "family_id,month,crime_asb,education,children_need_help,worklessness_finance,domestic_abuse,health\n1,2024-01,0,0,x,0,3,0\n");

        var error = Assert.Throws<BadInputException>(() => TrueNeed.Read(folder, new HashSet<long> { 1 }));

        Assert.Equal((2, 5, "'x' is not a severity 0 to 3"), (error.Line, error.Column, error.Reason));
    }

    [Fact]
    public void Read_NoFile_SaysWhereTheTruthIs()
    {
        var error = Assert.Throws<BadInputException>(() => TrueNeed.Read(folder, new HashSet<long>()));

        Assert.Equal("there is no true-need file here; give the truth folder 'earlyhelp generate' wrote beside the extracts", error.Reason);
    }
}
