using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Recording;

/// <summary>The recording bias changes what agencies record and nothing else, and is large enough for an audit to find.</summary>
public sealed class RecordingBiasTests
{
    private static readonly CityOptions Options = new() { People = 40_000, Months = 24, Seed = 8 };

    private static GenerationResult Biased => GeneratedCities.Get("bias-on", Options);

    private static GenerationResult Unbiased => GeneratedCities.Get("bias-off", Options with { RecordingBias = RecordingBias.None });

    [Fact]
    public void Generate_BiasOff_LeavesTheTruthAndTheRegistersByteIdentical()
    {
        var on = Biased;
        var off = Unbiased;

        Assert.Equal(Hash(on.TruthManifest, "family_need.csv"), Hash(off.TruthManifest, "family_need.csv"));
        foreach (var register in RegisterFiles.All)
            Assert.Equal(Hash(on.TruthManifest, register.FileName), Hash(off.TruthManifest, register.FileName));
        // Registers about people and homes, not about what agencies record, are unchanged too.
        foreach (var council in new[] { CouncilFiles.Gazetteer, CouncilFiles.SchoolCensus, CouncilFiles.CouncilTaxOccupants, CouncilFiles.HousingTenancyMembers, CouncilFiles.HealthVisitorBirths })
            Assert.Equal(Hash(on.Manifest, council.FileName), Hash(off.Manifest, council.FileName));
        Assert.NotEqual(Hash(on.Manifest, DatasetCatalogue.Get("police.domestic_abuse_incident").Layout.FileName),
            Hash(off.Manifest, DatasetCatalogue.Get("police.domestic_abuse_incident").Layout.FileName));
    }

    [Fact]
    public void Generate_BiasOn_PoliceRecordBlackAndMixedVictimsMoreOftenForTheSameAbuse()
    {
        // The same true city with and without the bias: the ratio of incidents recorded for a group is
        // the multiplier the bias applies to it. Owner-occupiers and private renters only, so that the
        // social-rent multiplier does not enter; expected 1.5 for Black and Mixed victims and 1 for others.
        var (onTargeted, onOthers) = IncidentsByGroup(Biased);
        var (offTargeted, offOthers) = IncidentsByGroup(Unbiased);

        Assert.InRange((double)onTargeted / offTargeted, 1.3, 1.75);
        Assert.InRange((double)onOthers / offOthers, 0.9, 1.1);
    }

    [Fact]
    public void Generate_BiasOn_ReferralsRiseForBlackAndMixedFamiliesOnly()
    {
        // More of their needs are recorded and their contacts are referred at 1.5 times the odds, so their
        // referrals rise by more than a fifth; other families change only through the social-rent multiplier.
        var (onTargeted, onOthers) = Referrals(Biased);
        var (offTargeted, offOthers) = Referrals(Unbiased);

        Assert.True(onTargeted > 1.2 * offTargeted, $"referrals of Black and Mixed children: {onTargeted} with the bias, {offTargeted} without");
        Assert.InRange((double)onOthers / offOthers, 0.85, 1.2);
    }

    private static string Hash(ExtractManifest manifest, string file) => manifest.Files.Single(f => f.Path == file).Sha256;

    private static HashSet<long> BlackOrMixed(ExtractFolder folder) =>
        folder.Table(RegisterFiles.PeopleProtected).Rows.Where(r => r[2] is "black" or "mixed").Select(r => long.Parse(r[0])).ToHashSet();

    private static (int Targeted, int Others) IncidentsByGroup(GenerationResult city)
    {
        var folder = new ExtractFolder(city);
        var targeted = BlackOrMixed(folder);
        var socialHomes = folder.HouseholdTenure.Where(h => h.Value == "social_rent").Select(h => h.Key).ToHashSet();
        var homes = folder.Residences.ToLookup(r => r.Owner);
        bool InSocialHome(AgencyRecord record) => homes[record.Person].Any(r => r.Covers(record.Start) && socialHomes.Contains(r.Other));
        var incidents = folder.Records("police.domestic_abuse_incident").Where(r => !InSocialHome(r)).ToList();
        return (incidents.Count(r => targeted.Contains(r.Person)), incidents.Count(r => !targeted.Contains(r.Person)));
    }

    private static (int Targeted, int Others) Referrals(GenerationResult city)
    {
        var folder = new ExtractFolder(city);
        var targeted = BlackOrMixed(folder);
        var referred = folder.Records("csc.referral").Select(r => r.Person).ToList();
        return (referred.Count(targeted.Contains), referred.Count(p => !targeted.Contains(p)));
    }
}
