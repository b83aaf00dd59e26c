namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Group linkage's comparison: whether a person related to one record (<see cref="LinkageRecord.RelatedRecords"/>: the
/// pupil a parent is the school's contact for, the other members of a household) has, as a first linkage joined them,
/// a record at the other record's postcode. A parent who moved appears at the new address beside the child's records
/// there, though the parent's old record has no date of birth and the old address. Missing when neither record has a
/// related person with a known postcode to look at, and when both records have one postcode (the address comparison
/// counts that). Its levels need the people of a first linkage, so a model used on
/// records alone (scoring, explaining a pair) reads it as missing.
/// </summary>
internal sealed class RelatedPersonAtAddress : Comparison
{
    /// <summary>The comparison's name in the model.</summary>
    public const string ComparisonName = "related_person_at_address";

    /// <summary>The agreeing level.</summary>
    public const int Agrees = 0;

    public override string Name => ComparisonName;

    /// <summary>The levels' labels.</summary>
    public static IReadOnlyList<string> LabelsOf { get; } = ["a related person lived at the other's postcode", "else"];

    public override IReadOnlyList<string> Labels => LabelsOf;

    public override int Level(PreparedRecords data, int i, int j) => -1;

    public override int Present(PreparedRecords data) => 0;

    /// <summary>The level of pair (i, j) given where each first-linkage person lived (<paramref name="places"/>).</summary>
    public static int Level(PreparedRecords data, IReadOnlyList<LinkageRecord> records, PersonPlaces places, int i, int j)
    {
        int postcodeLeft = data.Postcode[i], postcodeRight = data.Postcode[j];
        // At one postcode the address comparison has already counted living together; counting a household member there
        // again would count it twice (the failure of conditional independence that joined relatives).
        if (postcodeLeft >= 0 && postcodeLeft == postcodeRight)
            return -1;
        var relatedLeft = postcodeRight >= 0 ? records[i].RelatedRecords : null;
        var relatedRight = postcodeLeft >= 0 ? records[j].RelatedRecords : null;
        if (relatedLeft is not { Count: > 0 } && relatedRight is not { Count: > 0 })
            return -1;
        return places.AnyLivedAt(relatedLeft, postcodeRight) || places.AnyLivedAt(relatedRight, postcodeLeft) ? Agrees : 1;
    }
}
