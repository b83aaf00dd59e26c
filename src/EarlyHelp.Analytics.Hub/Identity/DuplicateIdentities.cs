using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Exact-duplicate identities collapsed before comparison. A council file repeats a person on every row of
/// every month or term (the same pupil in each school census, the same occupant on each council tax row), with
/// the same identity fields and the same source reference each time: comparing those copies with everyone costs
/// the square of the copies and tells nothing new. Records of one source with the same source reference and
/// every identity field equal are one person by rule (the source says so, and nothing differs); without a
/// reference they must also carry a forename, a surname and a date of birth, so that a bare name never collapses
/// two people. The copies' ranges of dates of birth implied by their dates and contexts are narrowed to what all of them
/// allow. Records named in a clerical decision are kept as their own, so the decision applies to them alone.
/// </summary>
internal sealed class DuplicateIdentities
{
    private DuplicateIdentities(LinkageRecord[] distinct, int[] first, int[] representative, int[] copies)
    {
        Distinct = distinct;
        First = first;
        Representative = representative;
        Copies = copies;
    }

    /// <summary>One record per identity, in order of first appearance.</summary>
    public LinkageRecord[] Distinct { get; }

    /// <summary>For each identity in <see cref="Distinct"/>, the index of its first original record.</summary>
    public int[] First { get; }

    /// <summary>For each original record, the index of its identity in <see cref="Distinct"/>.</summary>
    public int[] Representative { get; }

    /// <summary>For each identity in <see cref="Distinct"/>, how many original records it stands for.</summary>
    public int[] Copies { get; }

    /// <summary>Collapses <paramref name="records"/>, keeping every record whose key is in <paramref name="decided"/> on its own.</summary>
    public static DuplicateIdentities Collapse(IReadOnlyList<LinkageRecord> records, IReadOnlySet<(string Source, string RecordId)> decided)
    {
        var distinct = new List<LinkageRecord>();
        var copies = new List<int>();
        var first = new List<int>();
        var representative = new int[records.Count];
        var byIdentity = new Dictionary<Identity, int>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (Collapsible(record) && !decided.Contains((record.Source, record.RecordId)))
            {
                var identity = new Identity(record);
                if (byIdentity.TryGetValue(identity, out var existing))
                {
                    distinct[existing] = Narrowed(distinct[existing], record.ImpliedBirthDates);
                    representative[i] = existing;
                    copies[existing]++;
                    continue;
                }
                byIdentity[identity] = distinct.Count;
            }
            representative[i] = distinct.Count;
            distinct.Add(record);
            first.Add(i);
            copies.Add(1);
        }
        return new DuplicateIdentities([.. distinct], [.. first], representative, [.. copies]);
    }

    // One person's copies on several dates each imply a range of dates of birth (a pupil in each census): the person
    // was born in all of them. Ranges that cannot meet (a date typed wrong) leave the first as it was.
    private static LinkageRecord Narrowed(LinkageRecord kept, BirthDateRange? copy)
    {
        if (copy is not { } range)
            return kept;
        if (kept.ImpliedBirthDates is not { } current)
            return kept with { ImpliedBirthDates = range };
        return current.Intersect(range) is { } both && both != current ? kept with { ImpliedBirthDates = both } : kept;
    }

    private static bool Collapsible(LinkageRecord record) =>
        !string.IsNullOrEmpty(record.SourceEntityRef)
        || (!string.IsNullOrEmpty(record.Forename) && !string.IsNullOrEmpty(record.Surname) && record.BirthDate is not null);

    /// <summary>Every field the linkage compares or blocks on, as typed; the record id is what differs between copies.</summary>
    private readonly record struct Identity(string Source, string? Reference, string? Forename, string? Surname, DateOnly? BirthDate,
        string? Sex, string? Postcode, string? Address, string? NhsNumber)
    {
        public Identity(LinkageRecord record)
            : this(record.Source, record.SourceEntityRef, record.Forename, record.Surname, record.BirthDate, record.Sex, record.Postcode,
                record.Address, record.NhsNumber)
        {
        }
    }
}
