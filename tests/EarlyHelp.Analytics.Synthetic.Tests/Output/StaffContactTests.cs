using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Output;

/// <summary>The worker and team columns of case-managed sources: declared, filled, fictitious, mostly allocated.</summary>
public sealed partial class StaffContactTests
{
    [Fact]
    public void Generate_CaseManagedSources_WriteTheContactColumnsWithFictitiousDetails()
    {
        var city = GeneratedCities.Small;
        var withContacts = DatasetCatalogue.All.Where(d => d.Layout.Contact is not null).ToArray();
        Assert.Equal(12, withContacts.Length);
        long rows = 0, unallocated = 0;
        foreach (var dataset in withContacts)
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, dataset.Layout.FileName));
            Assert.Equal(dataset.Layout.Columns, table.Header);
            var contact = dataset.Layout.Contact!;
            foreach (var row in table.Rows)
            {
                rows++;
                if (contact.Team is { } team)
                    Assert.False(string.IsNullOrEmpty(row[table.Column(team)]), $"{dataset.Code}: a record without a team");
                // Ofcom keeps 0113 496 0000 to 0999 for drama; RFC 2606 keeps example.org: neither reaches anyone.
                if (contact.Phone is { } phone)
                    Assert.Matches(DramaNumber(), row[table.Column(phone)]);
                if (contact.Email is { } email)
                    Assert.EndsWith(".example.org", row[table.Column(email)], StringComparison.Ordinal);
                if (contact.Worker is { } worker && row[table.Column(worker)].Length == 0)
                    unallocated++;
            }
        }
        // About one record in twelve waits for a worker (8.3%); the worker columns are in 11 of the 12 datasets.
        Assert.True(rows > 1_000, $"only {rows} rows with contacts");
        Assert.InRange(unallocated / (double)rows, 0.03, 0.15);
    }

    [GeneratedRegex("^0113 496 0[0-9]{3}$")]
    private static partial Regex DramaNumber();
}
