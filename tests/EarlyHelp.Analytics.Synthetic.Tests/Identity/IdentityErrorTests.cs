using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Identity;

/// <summary>
/// The identity errors of a generated city against their stated rates (IdentityErrorRates, with sources in
/// docs/synthetic-city.md). Errors are drawn once per person and system, so records of one registration
/// share them: the tolerances allow for that clustering (a few records per registration).
/// </summary>
public sealed class IdentityErrorTests
{
    private sealed record Keyed(string Dataset, long Person, string Forename, string Surname, string BirthDate, string Postcode, string? Nhs, bool Health);

    private static readonly Lazy<(List<Keyed> Records, Dictionary<long, string[]> Truth, Dictionary<long, string> Ethnicity)> City = new(() =>
    {
        var city = GeneratedCities.Small;
        var folder = new ExtractFolder(city);
        var truth = folder.Table(RegisterFiles.PeopleIdentity).Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture));
        var ethnicity = folder.Table(RegisterFiles.PeopleProtected).Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture), r => r[2]);
        var records = new List<Keyed>();
        foreach (var dataset in DatasetCatalogue.All)
        {
            var layout = dataset.Layout;
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
            var people = folder.TruePeople(dataset.Code);
            var identity = layout.Identity;
            foreach (var row in table.Rows)
            {
                var birth = row[table.Column(identity.BirthDate)];
                var iso = birth.Length == 0 ? "" : DateOnly.ParseExact(birth, layout.DateFormat, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                records.Add(new Keyed(dataset.Code, people[row[table.Column(layout.RecordIdColumn)]], row[table.Column(identity.Forename)],
                    row[table.Column(identity.Surname)], iso, row[table.Column(identity.Postcode)],
                    identity.NhsNumber is null ? null : row[table.Column(identity.NhsNumber)], identity.NhsNumber is not null));
            }
        }
        return (records, truth, ethnicity);
    });

    [Fact]
    public void Generate_BirthDates_BlankAndPlaceholderAtTheirStatedRates()
    {
        var (records, _, _) = City.Value;
        var others = records.Where(r => !r.Health && !r.Dataset.StartsWith("revenues.", StringComparison.Ordinal)).ToList();

        // Blank 1.2% [A]; the placeholder 01/01/1900 0.3% of the rest [A]. Tolerances allow for errors shared by
        // a registration's records (tens of thousands of records, a few per registration).
        Assert.InRange(Share(others, r => r.BirthDate.Length == 0), 0.006, 0.02);
        Assert.InRange(Share(others, r => r.BirthDate == "1900-01-01"), 0.0008, 0.007);
    }

    [Fact]
    public void Generate_HealthRecords_HaveFewBirthDateErrorsAndManyWrongPostcodes()
    {
        var (records, truth, _) = City.Value;
        var health = records.Where(r => r.Health).ToList();

        // Sex or date of birth wrong or missing in 0.11% of hospital records (Hagger-Johnson et al. 2017), of which
        // 0.08% the date of birth; postcode wrong or missing in 53% (same source; blank 20% + wrong 33%).
        Assert.True(health.Count > 2_000, $"only {health.Count} health records");
        Assert.InRange(Share(health, r => r.BirthDate != truth[r.Person][3]), 0.0, 0.004);
        Assert.InRange(Share(health, r => r.Postcode.Length == 0), 0.15, 0.25);
        // Against the postcode at the extract date, which is also "wrong" for records made before a later move.
        Assert.InRange(Share(health, r => r.Postcode.Length == 0 || r.Postcode != truth[r.Person][4]), 0.45, 0.70);
    }

    [Fact]
    public void Generate_NhsNumbers_AreValidAndOnePerPersonOnlyInNhsFiles()
    {
        var (records, _, _) = City.Value;
        var numbers = records.Where(r => r.Nhs is { Length: > 0 }).Select(r => (r.Person, Number: r.Nhs!.Replace(" ", "", StringComparison.Ordinal))).ToList();

        Assert.True(numbers.Count > 2_000);
        Assert.All(numbers, n => Assert.True(IsValidNhsNumber(n.Number), $"{n.Number} fails the modulus-11 check"));
        Assert.All(numbers.GroupBy(n => n.Person), g => Assert.Single(g.Select(n => n.Number).Distinct()));
        Assert.All(numbers.GroupBy(n => n.Number), g => Assert.Single(g.Select(n => n.Person).Distinct()));
        Assert.All(records.Where(r => !r.Health), r => Assert.Null(r.Nhs));
    }

    [Theory]
    // The NHS number 943 476 5919 used as the example in NHS Digital's guidance; by hand: 9×10 + 4×9 + 3×8 + 4×7 + 7×6
    // + 6×5 + 5×4 + 9×3 + 1×2 = 299, remainder 2 on division by 11, check digit 11 − 2 = 9.
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    public void CheckDigit_PublishedExample_IsComputed(string number, bool valid) => Assert.Equal(valid, IsValidNhsNumber(number));

    [Fact]
    public void Generate_NamesOfMinorityGroups_DisagreeMoreOftenThanWhiteBritish()
    {
        // As designed (IdentityErrorRates.NameErrorByGroup, transliterations, name order): missed links are more
        // frequent for Asian, Black and Other groups than White (Hagger-Johnson et al. 2015).
        var (records, truth, ethnicity) = City.Value;
        double Disagreement(string group) => Share(records.Where(r => ethnicity[r.Person] == group).ToList(),
            r => !string.Equals(r.Forename, truth[r.Person][1], StringComparison.OrdinalIgnoreCase)
                || !string.Equals(r.Surname, truth[r.Person][2], StringComparison.OrdinalIgnoreCase));

        var whiteBritish = Disagreement("white_british");
        Assert.InRange(whiteBritish, 0.02, 0.2);
        foreach (var group in new[] { "white_other", "asian", "black", "other" })
            Assert.True(Disagreement(group) > whiteBritish * 1.3, $"{group}: {Disagreement(group):P1} against White British {whiteBritish:P1}");
    }

    private static double Share(List<Keyed> records, Func<Keyed, bool> test) => (double)records.Count(test) / records.Count;

    private static bool IsValidNhsNumber(string number)
    {
        if (number.Length != 10 || !number.All(char.IsAsciiDigit))
            return false;
        var check = AgencySystems.CheckDigit(number[..9].Select(c => c - '0').ToArray());
        return check < 10 && check == number[9] - '0';
    }
}
