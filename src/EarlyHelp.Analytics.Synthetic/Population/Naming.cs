namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// How names pass between people: a child's surname (the father's, sometimes both parents' joined),
/// a son named after his father, a partner taking the other's surname on marriage or partnership, twins'
/// forenames. All draws come from the identity stream, so names never change anyone's life.
/// </summary>
internal static class Naming
{
    /// <summary>Share of children of parents with different surnames given both, double-barrelled [A].</summary>
    public const double DoubleBarrelledShare = 0.15;

    /// <summary>Share of sons given their father's forename (a "junior") [A].</summary>
    public const double JuniorShare = 0.02;

    /// <summary>Share of women in an opposite-sex couple formed during the run who take the man's surname, on a day up to two years later [A].</summary>
    public const double TakesPartnersSurname = 0.35;

    /// <summary>Share of twin pairs given forenames with the same initial (Jack and Jacob) [A].</summary>
    public const double TwinsSameInitial = 0.3;

    /// <summary>Names a new child: the father's surname (or the mother's), sometimes both, sometimes the father's forename.</summary>
    public static void NameChild(Lineage lineage, SimPerson child, SimPerson mother, SimPerson? father)
    {
        var identity = lineage.Identity;
        child.Mother = mother.Index;
        if (father is null)
            return;
        if (father.Surname != mother.Surname && identity.Chance(DoubleBarrelledShare))
        {
            child.Surname = mother.Surname;
            child.SecondSurname = father.Surname;
        }
        if (child.Male && father.Male && identity.Chance(JuniorShare))
            child.Forename = father.Forename;
    }

    /// <summary>Gives a second twin a forename distinct from the first's, often with the same initial.</summary>
    public static void NameTwin(Lineage lineage, SimPerson first, SimPerson second)
    {
        var identity = lineage.Identity;
        var pool = Identity.NamePools.Forenames(second.Male);
        var sameInitial = identity.Chance(TwinsSameInitial);
        var initial = Identity.NamePools.Forename(first.Male, first.Forename)[0];
        for (var attempt = 0; attempt < 30 && (second.Forename == first.Forename && second.Male == first.Male
            || sameInitial && pool.Bytes[second.Forename][0] != initial); attempt++)
            second.Forename = pool.Draw(second.Ethnicity, identity);
        if (second.Forename == first.Forename && second.Male == first.Male)
            second.Forename = (second.Forename + 1) % pool.Count;
    }

    /// <summary>At the forming of a couple, the woman of an opposite-sex couple may take the man's surname some months later.</summary>
    public static void Partnership(Lineage lineage, SimPerson one, SimPerson other, int day)
    {
        if (one.Male == other.Male || !lineage.Identity.Chance(TakesPartnersSurname))
            return;
        var (woman, man) = one.Male ? (other, one) : (one, other);
        TakeSurname(woman, man, day + lineage.Identity.NextInt(730));
    }

    /// <summary><paramref name="taker"/> uses <paramref name="from"/>'s surname from <paramref name="day"/> on.</summary>
    public static void TakeSurname(SimPerson taker, SimPerson from, int day)
    {
        if (taker.Surname == from.Surname)
            return;
        taker.PreviousSurname = taker.Surname;
        taker.Surname = from.Surname;
        taker.SecondSurname = -1;
        taker.SurnameChangeDay = day;
    }
}
