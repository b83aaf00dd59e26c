using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Identity;

/// <summary>
/// The generator writes each agency's extracts in that agency's own conventions (<see cref="AgencyStyle"/>); ingest
/// reads them through the catalogue file. The two are written separately, so they are held equal here.
/// </summary>
public sealed class CatalogueAgreementTests
{
    [Fact]
    public void EveryDataset_IsDeclaredInTheCatalogueAsItsAgencyWritesIt()
    {
        foreach (var dataset in DatasetCatalogue.All)
        {
            var style = Assert.Single(AgencyStyle.All, a => a.Agency == dataset.Agency);
            Assert.Equal((style.DateFormat, style.RecordIdColumn, style.PersonIdColumn, style.Identity),
                (dataset.Layout.DateFormat, dataset.Layout.RecordIdColumn, dataset.Layout.PersonIdColumn, dataset.Layout.Identity));
        }
    }
}
