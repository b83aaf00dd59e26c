using EarlyHelp.Analytics.Synthetic.Places;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// How often each identity field goes wrong when an agency registers a person, with its source:
/// [S] a published figure (see ../shared/docs/linkage-realism.md), [A] an assumption to tune. Errors
/// are drawn once per person, agency system and reference (a system keeps what it keyed), so all of a
/// system's records about one registration agree; another system, or a duplicate registration, draws afresh.
/// </summary>
internal static class IdentityErrorRates
{
    /// <summary>Share of people a system registers twice (two references) [A].</summary>
    public const double DuplicateRegistration = 0.015;

    /// <summary>Forename and surname keyed with one slip (transposition, dropped, doubled or wrong letter), before the group multiplier [A].</summary>
    public const double ForenameTypo = 0.015, SurnameTypo = 0.012;

    /// <summary>Forename and surname left blank [A].</summary>
    public const double ForenameBlank = 0.004, SurnameBlank = 0.002;

    /// <summary>A forename with a known short form registered by it (Bob for Robert) [A].</summary>
    public const double ShortForm = 0.08;

    /// <summary>A name with transliteration variants registered in another spelling (Muhammad for Mohammed) [A].</summary>
    public const double Transliteration = 0.35;

    /// <summary>Forename and surname keyed the other way round, before the group's order factor [A].</summary>
    public const double OrderSwap = 0.004;

    /// <summary>A double-barrelled surname registered as its first part only, its second part only, or with a space for the hyphen [A].</summary>
    public const double DoubleBarrelFirstOnly = 0.2, DoubleBarrelSecondOnly = 0.15, DoubleBarrelSpace = 0.1;

    /// <summary>Share of systems that learn of a surname change at once; the rest take up to a year (uniform) [A].</summary>
    public const double SurnameUpdatedAtOnce = 0.5;

    /// <summary>Longest delay before a system uses a new surname, in days [A].</summary>
    public const int SurnameLagDays = 365;

    /// <summary>Share of systems that learn of a move at once; the rest keep the old address for up to six months (uniform) [A].</summary>
    public const double AddressUpdatedAtOnce = 0.5;

    /// <summary>Longest delay before a system uses a new address, in days [A].</summary>
    public const int AddressLagDays = 182;

    /// <summary>
    /// Date of birth errors outside the NHS: blank, the placeholder 01/01/1900, 1 January of the birth
    /// year, day and month swapped (when the day is 12 or less), a day out, a year out [A].
    /// </summary>
    public const double BirthDateBlank = 0.012, BirthDatePlaceholder = 0.003, BirthDateFirstOfJanuary = 0.004,
        BirthDateSwapped = 0.01, BirthDateDayOut = 0.004, BirthDateYearOut = 0.003;

    /// <summary>
    /// NHS systems trace identities against the national register: sex or date of birth wrong or missing
    /// in 0.11% of hospital records against the register (Hagger-Johnson et al. 2017) [S], split here
    /// 0.08% date of birth and 0.03% sex [A].
    /// </summary>
    public const double HealthBirthDateError = 0.0008, HealthSexError = 0.0003;

    /// <summary>Sex left blank, and recorded as the other sex, outside the NHS [A].</summary>
    public const double SexBlank = 0.01, SexWrong = 0.002;

    /// <summary>Council tax occupants' dates of birth are mostly not held [A].</summary>
    public const double CouncilTaxBirthDateBlank = 0.7;

    /// <summary>Address line: blank, number missing, street type abbreviated, flat written <c>2/14</c>, comma dropped [A].</summary>
    public const double AddressBlank = 0.02, AddressNumberMissing = 0.02, AddressAbbreviated = 0.3, FlatSlash = 0.25, CommaDropped = 0.25;

    /// <summary>Postcode outside the NHS: blank, space missing, lower case, one character mistyped [A].</summary>
    public const double PostcodeBlank = 0.02, PostcodeNoSpace = 0.03, PostcodeLowerCase = 0.01, PostcodeTypo = 0.01;

    /// <summary>
    /// NHS postcodes: wrong or missing in 53% of hospital records against the national register
    /// (Hagger-Johnson et al. 2017) [S], split here 20% blank and 33% wrong (the previous address's when
    /// there is one, else mistyped) [A].
    /// </summary>
    public const double HealthPostcodeBlank = 0.20, HealthPostcodeWrong = 0.33;

    /// <summary>NHS number blank in a hospital record, and written with spaces (<c>943 476 5919</c>) [A].</summary>
    public const double NhsNumberBlank = 0.03, NhsNumberSpaced = 0.15;

    /// <summary>A newborn's given name at a birth notification: blank, or "Baby" [A].</summary>
    public const double BabyNameBlank = 0.05, BabyNamePlaceholder = 0.08;

    /// <summary>
    /// Multiplier of the name error rates (typos, blanks) by ethnic group, in <see cref="Ethnicity"/> order:
    /// White British 1, Other White 1.8, Mixed 1.2, Asian 1.5, Black 1.6, Other 1.8 [A], chosen so that
    /// names of minority groups disagree more often between systems, as missed links are more frequent for
    /// Asian, Black and Other groups than White (Hagger-Johnson et al. 2015, BMJ Open) [S for the direction].
    /// </summary>
    public static readonly double[] NameErrorByGroup = [1.0, 1.8, 1.2, 1.5, 1.6, 1.8];

    /// <summary>
    /// Multiplier of <see cref="OrderSwap"/> by group: cultures with family name first or compound names
    /// (Chinese, some South Asian and Somali naming) are keyed the other way round more often [A].
    /// </summary>
    public static readonly double[] OrderSwapByGroup = [1.0, 1.5, 1.5, 5.0, 3.0, 6.0];

    /// <summary>
    /// Multiplier of the placeholder 1 January date of birth by group: people born abroad whose exact
    /// date is unknown are often given 1 January [A]; applied to Other White, Black and Other.
    /// </summary>
    public static readonly double[] FirstOfJanuaryByGroup = [1.0, 3.0, 1.5, 2.0, 4.0, 4.0];

    /// <summary>School census ethnicity: blank (refused or not obtained) and recorded as another group [A]; Mixed pupils are recorded as a parent's group more often.</summary>
    public const double SchoolEthnicityBlank = 0.03, SchoolEthnicityOther = 0.02, SchoolMixedAsParentGroup = 0.12;

    /// <summary>Social care ethnicity: blank and recorded as another group [A] (so the two sources disagree for several per cent of children).</summary>
    public const double CareEthnicityBlank = 0.05, CareEthnicityOther = 0.04, CareMixedAsParentGroup = 0.15;

    /// <summary>Social care disability: recorded for a disabled child, recorded for a child who is not, blank [A].</summary>
    public const double CareDisabilitySensitivity = 0.8, CareDisabilityFalsePositive = 0.02, CareDisabilityBlank = 0.05;

    /// <summary>
    /// Special educational needs in the school census: a disabled pupil has an education, health and care
    /// plan (E) in 60% and SEN support (K) otherwise; other pupils have SEN support in 10% [A], giving about
    /// 4% E and 12% K against England's 4.8% and 13.6% (DfE, Special educational needs in England 2024) [D].
    /// </summary>
    public const double DisabledWithPlan = 0.6, SenSupportWithoutDisability = 0.1;
}
