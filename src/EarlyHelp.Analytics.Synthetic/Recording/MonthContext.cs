using EarlyHelp.Analytics.Synthetic.Population;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>The month being recorded for one lineage, with the small operations every recorder needs.</summary>
/// <param name="Lineage">The lineage.</param>
/// <param name="Month">Month ordinal.</param>
/// <param name="FirstDay">Day number of its first day.</param>
/// <param name="DaysInMonth">Its length in days.</param>
internal sealed record MonthContext(Lineage Lineage, int Month, int FirstDay, int DaysInMonth)
{
    /// <summary>A uniformly random day of the month, from the observation stream.</summary>
    public int RandomDay() => FirstDay + Lineage.Observation.NextInt(DaysInMonth);

    /// <summary>Whether <paramref name="person"/> has a spell in <paramref name="dataset"/> that has not ended before this month.</summary>
    public bool HasOpenSpell(SimPerson person, int dataset)
    {
        if (person.OpenSpells is not { } spells || spells[dataset] < 0)
            return false;
        if (Lineage.Events[spells[dataset]].End >= FirstDay)
            return true;
        spells[dataset] = -1;
        return false;
    }

    /// <summary>Records an event; a spell becomes the person's open spell in that dataset.</summary>
    public void Record(int dataset, SimPerson person, int start, int end, float value, bool spell)
    {
        var index = Lineage.Record(dataset, person, start, end, value);
        if (!spell)
            return;
        person.OpenSpells ??= NewSpells();
        person.OpenSpells[dataset] = index;
    }

    /// <summary>Ends <paramref name="person"/>'s open spell in <paramref name="dataset"/> on <paramref name="day"/>.</summary>
    public void EndSpell(SimPerson person, int dataset, int day)
    {
        var index = person.OpenSpells![dataset];
        if (Lineage.Events[index].End > day)
            Lineage.EndRecord(index, day);
        person.OpenSpells[dataset] = -1;
    }

    /// <summary>Notes that a record about <paramref name="person"/> may prompt a contact to social care about their family.</summary>
    public void Raise(SimPerson person, double weight, int day)
    {
        if (person.Family is not { } family)
            return;
        var care = family.Care;
        care.NoContactChance *= 1 - weight;
        if (care.FirstConcernDay == 0 || day < care.FirstConcernDay)
            care.FirstConcernDay = day;
    }

    private static int[] NewSpells()
    {
        var spells = new int[Datasets.Count];
        Array.Fill(spells, -1);
        return spells;
    }
}
