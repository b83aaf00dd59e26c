using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

public sealed class RecordAgesTests
{
    private static IdentityRecord Record(string dataset, string recordRef, IdentityRecordKind kind, string? relationship = null) => new()
    {
        Dataset = dataset, RecordRef = recordRef, Kind = kind, Forename = "Amy", Surname = "Okafor", Relationship = relationship,
        ValidFrom = new DateOnly(2021, 9, 1),
    };

    [Fact]
    public void ImpliedBirthDates_SchoolContact_IsAnAdultOnTheRowDate()
    {
        // A parent contact is 16 or over on 2021-09-01: born on or before 2005-09-01, no earliest date.
        var range = RecordAges.ImpliedBirthDates(Record("school_pupil_contacts", "SPC-1/contact", IdentityRecordKind.Register));
        Assert.Equal(new BirthDateRange(DateOnly.MinValue, new DateOnly(2005, 9, 1)), range);
    }

    [Fact]
    public void ImpliedBirthDates_PupilOfTheSameRow_IsAChild()
    {
        // Aged 2 to 20 on 2021-09-01: born after 2000-09-01 and on or before 2019-09-01.
        var range = RecordAges.ImpliedBirthDates(Record("school_pupil_contacts", "SPC-1/pupil", IdentityRecordKind.Register));
        Assert.Equal(new BirthDateRange(new DateOnly(2000, 9, 2), new DateOnly(2019, 9, 1)), range);
    }

    [Fact]
    public void Of_TenancyMembers_LeadIsAnAdultAndAChildOfAnyAge()
    {
        // A tenancy's "child" may be a grown-up son or daughter: no bound.
        Assert.Equal(new RecordAges.AgeBounds(16, null), RecordAges.Of(Record("housing_tenancy_members", "HTM-1/member", IdentityRecordKind.Register, "lead")));
        Assert.Null(RecordAges.Of(Record("housing_tenancy_members", "HTM-2/member", IdentityRecordKind.Register, "child")));
    }

    [Fact]
    public void Of_EventsByDataset_ClaimantAdultMissingChildUnder18AndAnAttendanceNone()
    {
        Assert.Equal(new RecordAges.AgeBounds(16, null), RecordAges.Of(Record("dwp.out_of_work_benefit", "DOOWC-1", IdentityRecordKind.Event)));
        Assert.Equal(new RecordAges.AgeBounds(null, 17), RecordAges.Of(Record("police.missing_child", "PMC-1", IdentityRecordKind.Event)));
        Assert.Null(RecordAges.Of(Record("health.ae_attendance", "AE-1", IdentityRecordKind.Event)));
    }

    [Fact]
    public void ImpliedBirthDates_NoRecordDate_IsNull()
    {
        var undated = new IdentityRecord { Dataset = "school_pupil_contacts", RecordRef = "SPC-1/contact", Kind = IdentityRecordKind.Register };
        Assert.Null(RecordAges.ImpliedBirthDates(undated));
    }
}
