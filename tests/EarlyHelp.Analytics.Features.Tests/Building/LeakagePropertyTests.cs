using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace EarlyHelp.Analytics.Features.Tests.Building;

public sealed class LeakagePropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    [Fact]
    public void Values_AnythingRecordedOnOrAfterTChanges_FeaturesAndEligibilityIdentical()
    {
        var cases = from family in RandomFamilies.Families
                    from changed in RandomFamilies.ChangesFromT(family)
                    select (family, changed);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var before = c.family.History(c.family.Events);
            var after = c.family.History(c.changed);
            return FeatureAssert.SameValues(FeatureBuilder.Values(before, c.family.AsOf), FeatureBuilder.Values(after, c.family.AsOf))
                && FeatureBuilder.Eligibility(before, c.family.AsOf) == FeatureBuilder.Eligibility(after, c.family.AsOf);
        }));
    }

    [Fact]
    public void Label_AnythingRecordedOnOrBeforeTChanges_LabelIdentical()
    {
        var cases = from family in RandomFamilies.Families
                    from changed in RandomFamilies.ChangesUpToT(family)
                    from horizon in Gen.Choose(1, 24)
                    select (family, changed, horizon);

        Check.One(Runs, Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var extract = new DateOnly(2026, 12, 31);
            var before = EscalationLabel.Of(c.family.History(c.family.Events), c.family.AsOf, c.horizon, extract);
            var after = EscalationLabel.Of(c.family.History(c.changed), c.family.AsOf, c.horizon, extract);
            return before == after;
        }));
    }

    [Fact]
    public void Families_Generated_ExerciseEligibleFamiliesRecordsAndEscalations()
    {
        // The properties above mean little unless the random families have eligible rows with records
        // and escalations: check the generator reaches them. The sample is unseeded, so it is large enough that
        // missing an escalated eligible family is not a matter of chance (200 families once drew none).
        var sample = RandomFamilies.Families.Sample(300, 1000);
        var eligible = sample.Where(f => FeatureBuilder.Eligibility(f.History(f.Events), f.AsOf) is null).ToArray();

        Assert.True(eligible.Length > 30, $"only {eligible.Length} eligible");
        Assert.Contains(eligible, f => FeatureBuilder.Values(f.History(f.Events), f.AsOf)[FeatureCatalogue.IndexOf("all_problems_12m")] > 0);
        Assert.Contains(eligible, f => EscalationLabel.Of(f.History(f.Events), f.AsOf, 12, new DateOnly(2026, 12, 31)).Escalated);
    }
}
