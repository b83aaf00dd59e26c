namespace EarlyHelp.Analytics.Linkage;

/// <summary>A part of a blocking rule: records are compared only when every key of at least one rule agrees.</summary>
public enum BlockingKey
{
    /// <summary>The NHS (or other national) number.</summary>
    NhsNumber,
    /// <summary>The source together with the source's own person reference.</summary>
    SourceEntityRef,
    /// <summary>The full date of birth.</summary>
    BirthDate,
    /// <summary>The year of birth.</summary>
    BirthYear,
    /// <summary>The first letter of the forename.</summary>
    ForenameInitial,
    /// <summary>The Soundex code of the forename.</summary>
    ForenameSoundex,
    /// <summary>The normalised surname.</summary>
    Surname,
    /// <summary>The Soundex code of the surname.</summary>
    SurnameSoundex,
    /// <summary>The first letter of the surname.</summary>
    SurnameInitial,
    /// <summary>The full postcode (unit).</summary>
    Postcode,
    /// <summary>The normalised forename.</summary>
    Forename,
    /// <summary>The Soundex codes of forename and surname in either order, so swapped names still meet.</summary>
    NameSoundexes,
    /// <summary>The normalised free-text address.</summary>
    Address,
    /// <summary>The postcode district (outward code) for UK postcodes, or all but the last character otherwise.</summary>
    PostcodeDistrict,
}
