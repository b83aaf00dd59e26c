using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>One simulated person: who they are, where they live, and their true latent needs.</summary>
internal sealed class SimPerson
{
    /// <summary>Hub person id.</summary>
    public long Id;

    /// <summary>Position in the lineage's list of people.</summary>
    public int Index;

    /// <summary>True for male.</summary>
    public bool Male;

    /// <summary>Ethnic group.</summary>
    public Ethnicity Ethnicity;

    /// <summary>Disabled under the Equality Act.</summary>
    public bool Disabled;

    /// <summary>Month of birth as a <see cref="YearMonth.Ordinal"/>.</summary>
    public int BirthMonth;

    /// <summary>Day of the month of birth (identity only: the hub keeps the month).</summary>
    public int BirthDay;

    /// <summary>Month of death as an ordinal, or -1 while alive.</summary>
    public int DeathMonth = -1;

    /// <summary>False once the person has died or left the city.</summary>
    public bool Present = true;

    /// <summary>Where they live now (null once gone).</summary>
    public SimHousehold? Household;

    /// <summary>The family they belong to now, if any.</summary>
    public SimFamily? Family;

    /// <summary>Their role in <see cref="Family"/>.</summary>
    public FamilyRole Role;

    /// <summary>Index of their open residence row, or -1.</summary>
    public int OpenResidence = -1;

    /// <summary>Index of their open family membership row, or -1.</summary>
    public int OpenMembership = -1;

    /// <summary>Index into the forename pool of their sex.</summary>
    public int Forename;

    /// <summary>Index into the surname pool: the surname in use now.</summary>
    public int Surname;

    /// <summary>Second part of a double-barrelled surname (written <c>Surname-SecondSurname</c>), or -1.</summary>
    public int SecondSurname = -1;

    /// <summary>The surname used before a change on marriage or partnership, or -1 when it never changed.</summary>
    public int PreviousSurname = -1;

    /// <summary>Day number from which <see cref="Surname"/> replaced <see cref="PreviousSurname"/>.</summary>
    public int SurnameChangeDay;

    /// <summary>Lineage index of the birth mother when born in the city's families, or -1.</summary>
    public int Mother = -1;

    /// <summary>Lasting propensities (standard normal) for mental ill health, substance misuse, offending and poor attendance.</summary>
    public float MentalHealthTrait, SubstanceTrait, OffendingTrait, EducationTrait;

    /// <summary>Latent severity of each need this month; a need is present above zero.</summary>
    public float MentalHealth, Substance, Offending, Education;

    /// <summary>Would not claim out-of-work benefits even when workless.</summary>
    public bool NonClaimer;

    /// <summary>Per dataset, the index of the person's open spell record (-1 when none); created on first use.</summary>
    public int[]? OpenSpells;

    /// <summary>Age in whole years in the month with ordinal <paramref name="month"/>.</summary>
    public int AgeIn(int month) => (month - BirthMonth) / 12;

    /// <summary>A dependent child (under 18) in the month with ordinal <paramref name="month"/>.</summary>
    public bool IsChildIn(int month) => month - BirthMonth < 18 * 12;
}
