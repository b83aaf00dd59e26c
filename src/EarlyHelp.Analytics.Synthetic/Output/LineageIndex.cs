using EarlyHelp.Analytics.Synthetic.Population;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// Look-ups over one simulated lineage for writing it: who and which households fall in the history
/// window, each person's residences and memberships in time order, each family's memberships.
/// </summary>
internal sealed class LineageIndex
{
    /// <summary>Indexes <paramref name="lineage"/> for a history from <paramref name="historyStart"/> to <paramref name="extractDay"/> (day numbers).</summary>
    public LineageIndex(Lineage lineage, int historyStart, int extractDay)
    {
        Lineage = lineage;
        HistoryStart = historyStart;
        ExtractDay = extractDay;
        PersonKept = new bool[lineage.People.Count];
        HouseholdKept = new bool[lineage.Households.Count];
        ResidencesOf = new List<int>[lineage.People.Count];
        MembershipsOf = new List<int>[lineage.People.Count];
        MembershipsOfFamily = new List<int>[lineage.Families.Count];
        for (var i = 0; i < ResidencesOf.Length; i++)
        {
            ResidencesOf[i] = [];
            MembershipsOf[i] = [];
        }
        for (var i = 0; i < MembershipsOfFamily.Length; i++)
            MembershipsOfFamily[i] = [];
        for (var r = 0; r < lineage.Residences.Count; r++)
        {
            var residence = lineage.Residences[r];
            ResidencesOf[residence.Person].Add(r);
            if (!Overlaps(residence.Start, residence.End))
                continue;
            PersonKept[residence.Person] = true;
            HouseholdKept[residence.Household] = true;
        }
        for (var m = 0; m < lineage.Memberships.Count; m++)
        {
            MembershipsOf[lineage.Memberships[m].Person].Add(m);
            MembershipsOfFamily[lineage.Memberships[m].Family].Add(m);
        }
    }

    /// <summary>The lineage.</summary>
    public Lineage Lineage { get; }

    /// <summary>First day of the history (day number).</summary>
    public int HistoryStart { get; }

    /// <summary>The extract date (day number).</summary>
    public int ExtractDay { get; }

    /// <summary>People who lived in the city at some time in the history.</summary>
    public bool[] PersonKept { get; }

    /// <summary>Households lived in at some time in the history.</summary>
    public bool[] HouseholdKept { get; }

    /// <summary>Each person's residence rows, in time order.</summary>
    public List<int>[] ResidencesOf { get; }

    /// <summary>Each person's membership rows, in time order.</summary>
    public List<int>[] MembershipsOf { get; }

    /// <summary>Each family's membership rows.</summary>
    public List<int>[] MembershipsOfFamily { get; }

    /// <summary>Whether a period from <paramref name="start"/> to <paramref name="end"/> overlaps the history.</summary>
    public bool Overlaps(int start, int end) => start <= ExtractDay && end >= HistoryStart;

    /// <summary>The household <paramref name="person"/> lived in on <paramref name="day"/>, or -1.</summary>
    public int HomeOn(int person, int day)
    {
        foreach (var r in ResidencesOf[person])
        {
            var residence = Lineage.Residences[r];
            if (residence.Start <= day && residence.End > day)
                return residence.Household;
        }
        return -1;
    }

    /// <summary>The membership row of <paramref name="person"/> open on <paramref name="day"/>, or -1.</summary>
    public int MembershipOn(int person, int day)
    {
        foreach (var m in MembershipsOf[person])
        {
            var membership = Lineage.Memberships[m];
            if (membership.Start <= day && membership.End > day)
                return m;
        }
        return -1;
    }
}
