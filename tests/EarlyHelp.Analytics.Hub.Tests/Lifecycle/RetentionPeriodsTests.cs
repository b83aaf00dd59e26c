using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;

namespace EarlyHelp.Analytics.Hub.Tests.Lifecycle;

/// <summary>When a record is past its period: hand-worked dates around each rule's boundary.</summary>
public sealed class RetentionPeriodsTests
{
    private static readonly DateOnly Newest = new(2024, 3, 31);

    [Theory]
    // careers.neet keeps 48 months: from 2024-03-31 the period starts on 2020-03-31.
    [InlineData("careers.neet", "2020-03-31", false)]
    [InlineData("careers.neet", "2020-03-30", true)]
    // Statutory outcomes keep 900 months (75 years).
    [InlineData("csc.cp_plan", "1950-01-01", false)]
    // A dataset the catalogue does not know is never due.
    [InlineData("unknown.dataset", "1900-01-01", false)]
    public void IsExpired_Event_CountsTheDatasetsMonthsFromTheStart(string dataset, string start, bool expired) =>
        Assert.Equal(expired, RetentionPeriods.Default.IsExpired(Record(dataset, "R-1", IdentityRecordKind.Event, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), Newest));

    [Theory]
    // 72 months back from 2024-03-31 is 2018-03-31: an occupancy that ended the day before is due, one ending on it is not.
    [InlineData("council_tax_occupants", "OCC-1/occupant", "2010-01-01", "2018-03-30", true)]
    [InlineData("council_tax_occupants", "OCC-1/occupant", "2010-01-01", "2018-03-31", false)]
    // An open occupancy is never due, however old.
    [InlineData("council_tax_occupants", "OCC-1/occupant", "1990-01-01", null, false)]
    // A census entry describes the pupil and has no period to expire: it leaves with its person.
    [InlineData("school_census", "SC-1/pupil", "2001-01-18", null, false)]
    [InlineData("csc_child_characteristics", "CCH-1/child", "2001-01-18", null, false)]
    // A birth notification lasts to the baby's eighteenth birthday: born 2001-03-30 → 2019-03-30, past 2018-03-31? No.
    [InlineData("health_visitor_births", "HVB-1/mother", "2001-03-30", null, false)]
    // Born 2000-03-30 → 2018-03-30, the day before the period's start: due.
    [InlineData("health_visitor_births", "HVB-1/mother", "2000-03-30", null, true)]
    public void IsExpired_RegisterRecord_CountsFromTheEndOfWhatItCovers(string dataset, string recordRef, string from, string? to, bool expired)
    {
        var record = Record(dataset, recordRef, IdentityRecordKind.Register, Date(from)!.Value, Date(to));

        Assert.Equal(expired, RetentionPeriods.Default.IsExpired(record, Newest));
    }

    [Fact]
    public void Validate_ZeroMonths_NamesTheOption() =>
        Assert.Equal(["The 'PromptMonths' option must be at least 1 month. Got 0 instead."], (RetentionPeriods.Default with { PromptMonths = 0 }).Validate());

    [Theory]
    [InlineData(96, 96, true)]
    [InlineData(96, 95, false)]
    public void Validate_AuditLogShorterThanPrompts_IsRefused(int promptMonths, int auditLogMonths, bool valid)
    {
        var problems = (RetentionPeriods.Default with { PromptMonths = promptMonths, AuditLogMonths = auditLogMonths }).Validate().ToList();

        Assert.Equal(valid ? [] : ["The 'AuditLogMonths' option must be at least 'PromptMonths' (96). Got 95 instead."], problems);
    }

    private static IdentityRecord Record(string dataset, string recordRef, IdentityRecordKind kind, DateOnly from, DateOnly? to = null) =>
        new() { Dataset = dataset, RecordRef = recordRef, Kind = kind, ValidFrom = from, ValidTo = to };

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
