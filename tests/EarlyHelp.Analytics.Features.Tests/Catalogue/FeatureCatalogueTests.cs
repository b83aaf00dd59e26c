using System.Reflection;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.Tests.Catalogue;

public sealed partial class FeatureCatalogueTests
{
    /// <summary>
    /// Words that would mean a protected characteristic, or the area and deprivation that stand in for
    /// one, had become a feature.
    /// </summary>
    private static readonly string[] ForbiddenWords =
    [
        "sex", "gender", "male", "female", "ethnic", "ethnicity", "race", "disability", "disabled", "religion", "belief",
        "imd", "deprivation", "deprived", "decile", "area", "lsoa", "uprn", "postcode", "tenure",
    ];

    [Fact]
    public void All_NoProtectedCharacteristicOrDeprivationProxy()
    {
        foreach (var feature in FeatureCatalogue.All)
        {
            var words = Words().Split(feature.Name.ToLowerInvariant() + " " + feature.Description.ToLowerInvariant())
                .Where(w => w.Length > 0);
            var forbidden = words.Intersect(ForbiddenWords).ToArray();
            Assert.True(forbidden.Length == 0, $"'{feature.Name}' mentions {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void HistoryTypes_CarryNoProtectedCharacteristicOrDeprivation()
    {
        // What the builders can read at all: none of it may hold a protected characteristic or the deprivation decile.
        Type[] types = [typeof(FamilyHistory), typeof(MemberHistory), typeof(MembershipPeriod), typeof(ResidencePeriod), typeof(HistoryEvent)];
        var names = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
            .Select(p => p.Name.ToLowerInvariant()).ToArray();

        Assert.DoesNotContain(names, n => n.Contains("sex") || n.Contains("ethnic") || n.Contains("disab") || n.Contains("imd") || n.Contains("decile") || n.Contains("deprivation"));
    }

    [Fact]
    public void FeaturesAssembly_NeverTouchesTheProtectedCharacteristicsReader()
    {
        var assembly = typeof(FeatureCatalogue).Assembly;
        var forbidden = new[] { typeof(IProtectedCharacteristicsReader), typeof(ProtectedCharacteristics), typeof(Household) };
        const BindingFlags everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var used = assembly.GetTypes().SelectMany(t =>
            t.GetFields(everything).Select(f => f.FieldType)
                .Concat(t.GetProperties(everything).Select(p => p.PropertyType))
                .Concat(t.GetMethods(everything).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType))));

        Assert.Empty(used.Intersect(forbidden));
    }

    [Fact]
    public void All_SensibleNumberOfUniqueSnakeCaseNames()
    {
        var names = FeatureCatalogue.Names;

        Assert.InRange(names.Count, 120, 250);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9_]*$", n));
        Assert.DoesNotContain("family_id", names);
        Assert.DoesNotContain("as_of", names);
        Assert.DoesNotContain("escalated", names);
    }

    [Fact]
    public void All_EveryDescriptionTakesAValueAndEveryWindowedKindHasMonths()
    {
        foreach (var feature in FeatureCatalogue.All)
        {
            Assert.Contains(FeatureDefinition.ValuePlaceholder, feature.Description);
            var windowed = feature.Kind is FeatureKind.RecordCount or FeatureKind.MonthlySlope or FeatureKind.Acceleration
                or FeatureKind.NewProblem or FeatureKind.PersistentProblem or FeatureKind.DistinctProblems
                or FeatureKind.DistinctAgencies or FeatureKind.MembersWithRecords or FeatureKind.HouseholdMoves;
            Assert.True(windowed == feature.Months > 0, feature.Name);
        }
    }

    [Fact]
    public void All_CoversTheIssuesMinimumPerProblemAndKeyDataset()
    {
        foreach (var problem in ProblemCategories.Headline.Select(p => p.Code()))
        {
            foreach (var suffix in new[] { "3m", "6m", "12m", "24m", "months_since_latest", "new", "persistent", "slope_12m", "acceleration_6m" })
                Assert.True(FeatureCatalogue.IndexOf($"{problem}_{suffix}") >= 0, $"{problem}_{suffix}");
        }
        foreach (var dataset in FeatureCatalogue.KeyDatasets.Select(FeatureCatalogue.ColumnStem))
        {
            foreach (var suffix in new[] { "3m", "6m", "12m", "24m", "months_since_latest" })
                Assert.True(FeatureCatalogue.IndexOf($"{dataset}_{suffix}") >= 0, $"{dataset}_{suffix}");
        }
        Assert.All(FeatureCatalogue.KeyDatasets, code => Assert.True(DatasetCatalogue.TryGet(code, out _), code));
    }

    [Theory]
    [InlineData("domestic_abuse_6m", 3f, "Domestic abuse: 3 records in the last 6 months, across all agencies")]
    [InlineData("police_domestic_abuse_incident_months_since_latest", 2f, "Domestic abuse incident attended by police: 2 whole months since the most recent")]
    [InlineData("lone_carer", 1f, "One parent or carer in the family: yes")]
    [InlineData("education_slope_12m", 0.2202797f, "Education: monthly records changing by +0.22 a month over the last 12 months (least-squares trend)")]
    [InlineData("all_problems_acceleration_6m", -2f, "-2 records about all problems in the last 6 months compared with the 6 months before")]
    [InlineData("youngest_child_age", 3f, "The youngest child is 3 years old")]
    // A count of one is singular; later plurals stay.
    [InlineData("youngest_child_age", 1f, "The youngest child is 1 year old")]
    [InlineData("early_help_ended", 1f, "1 earlier early help episode that has ended")]
    [InlineData("early_help_ended", 2f, "2 earlier early help episodes that have ended")]
    [InlineData("domestic_abuse_6m", 1f, "Domestic abuse: 1 record in the last 6 months, across all agencies")]
    [InlineData("all_problems_acceleration_6m", -1f, "-1 record about all problems in the last 6 months compared with the 6 months before")]
    [InlineData("children", 1f, "1 dependent child (aged 0 to 17)")]
    [InlineData("police_domestic_abuse_incident_months_since_latest", 1f, "Domestic abuse incident attended by police: 1 whole month since the most recent")]
    public void Describe_Value_WritesPlainLanguage(string name, float value, string expected) =>
        Assert.Equal(expected, FeatureCatalogue.Get(name).Describe(value));

    [Fact]
    public void Describe_Missing_Null() =>
        Assert.Null(FeatureCatalogue.Get("domestic_abuse_months_since_latest").Describe(float.NaN));

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Words();
}
